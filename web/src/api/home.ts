import { api, call, type Schema } from './client.ts';

// The caller's to-dos for the home page (GET /api/v1/home, src/services/show-home.ts).

export type Home = Schema<'Home'>;

export const getHome = () => call(api.GET('/api/v1/home'));
