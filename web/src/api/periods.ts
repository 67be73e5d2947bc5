import { type Answer, api, call } from './client.ts';

// Closed months of a regency (src/http/routes/periods.ts, docs/periods.md).

export type ClosedPeriods = Answer<'/api/v1/regencies/{code}/closed-periods'>;

export function listClosedPeriods(regencyCode: string) {
  return call(
    api.GET('/api/v1/regencies/{code}/closed-periods', { params: { path: { code: regencyCode } } }),
  );
}

export function closePeriod(regencyCode: string, period: string) {
  return call(
    api.POST('/api/v1/regencies/{code}/closed-periods', {
      params: { path: { code: regencyCode } },
      body: { period },
    }),
  );
}
