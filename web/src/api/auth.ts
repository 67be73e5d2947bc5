import { ApiError, api, call } from './client.ts';
import type { User } from './types.ts';

export async function login(username: string, password: string): Promise<User> {
  const { user } = await call(api.POST('/api/v1/auth/login', { body: { username, password } }));
  return user;
}

export async function logout(): Promise<void> {
  await call(api.POST('/api/v1/auth/logout'));
}

/** The logged-in user, or null when the session is missing or expired. */
export async function currentUser(): Promise<User | null> {
  try {
    const { user } = await call(api.GET('/api/v1/auth/me'));
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
