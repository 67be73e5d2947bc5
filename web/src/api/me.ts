import { api, call, type Schema } from './client.ts';

// Participant self-service: the participant's own records (/api/v1/me/…) and account activation.

export type MyClaim = Schema<'MyClaim'>;

export const myMembership = () => call(api.GET('/api/v1/me/membership'));
export const myCoverage = () => call(api.GET('/api/v1/me/coverage'));
export const myContributions = () => call(api.GET('/api/v1/me/contributions'));
export const myJht = () => call(api.GET('/api/v1/me/jht'));
export const myClaims = () => call(api.GET('/api/v1/me/claims'));
export const myClaim = (id: string) =>
  call(api.GET('/api/v1/me/claims/{id}', { params: { path: { id: Number(id) } } }));

/** The participant's own card, downloaded by the browser with the session cookie. */
export const MY_CARD_URL = '/api/v1/me/card.pdf';

export async function activateAccount(kpj: string, code: string, password: string) {
  const { user } = await call(api.POST('/api/v1/auth/activate', { body: { kpj, code, password } }));
  return user;
}
