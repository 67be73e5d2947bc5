import { api, call } from './client.ts';

export function getRegion(code: string) {
  return call(api.GET('/api/v1/regions/{code}', { params: { path: { code } } }));
}
