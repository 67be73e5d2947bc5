import createClient from 'openapi-fetch';
import { currentLanguage } from '../i18n/language.ts';
import type { components, paths } from './schema.d.ts';

// One typed client for /api/v1 (openapi-fetch over the types generated from the server's own
// OpenAPI document, schema.d.ts): same-origin cookies, JSON, and the chosen language sent as
// Accept-Language so that the server answers errors in it. Failures become an ApiError.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's `details`, when it sent any (VALIDATION_FAILED: each field and its code). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A named schema of the API (components.schemas in /api/openapi.json). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** `{ a: 1, b: undefined }` → `?a=1` (empty values left out). */
export function queryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Sent on every request: the server refuses a state-changing request with the session cookie
 * but without it (src/http/csrf.ts), which no form or script of another site can add.
 */
const CLIENT_HEADER = { 'X-Lindung-Client': 'web' };

export const api = createClient<paths>({
  credentials: 'same-origin',
  headers: { Accept: 'application/json', ...CLIENT_HEADER },
  // Empty values are left out, as the server reads a missing filter as "any".
  querySerializer: (query) => queryString(query).slice(1),
});
api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
});

function errorOf(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `${status} ${statusText}`;
  return new ApiError(status, code, message, error?.details);
}

/** The data of a typed call, or the ApiError of its failure (NETWORK_ERROR when none answered). */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  const { response } = result;
  if (!response.ok) throw errorOf(response.status, response.statusText, result.error);
  return result.data as T;
}

/** The ApiError for a failed response read some other way (an XMLHttpRequest upload). */
export function apiErrorFromText(status: number, statusText: string, text: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return errorOf(status, statusText, body);
}

/**
 * Sends a file's raw bytes with XMLHttpRequest (only it reports upload progress, 0–1), the
 * way the enrolment upload does; answers the parsed JSON body, typed by the operation's answer.
 */
export function uploadRaw<T>(url: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('X-Lindung-Client', CLIENT_HEADER['X-Lindung-Client']);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'BAD_RESPONSE', ''));
        }
        return;
      }
      reject(apiErrorFromText(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.onabort = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.send(file);
  });
}

type Method = 'get' | 'post' | 'put';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON body an operation answers on success (200 or 201), as the server's schema says. */
export type Answer<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

/** The JSON body an operation takes. */
export type Body<P extends keyof paths, M extends Method = 'post'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer J } };
}
  ? J
  : never;

/** The query parameters an operation takes (its filters). */
export type Query<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/**
 * Fetches a file (so that a refusal shows its message, and a POST can carry the client header)
 * and hands it to the browser to save, under the server's file name or `fallbackName`. Answers
 * the name saved under and the response's headers (the payout bank file's SHA-256 and date).
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  method: 'GET' | 'POST' = 'GET',
): Promise<{ fileName: string; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'Accept-Language': currentLanguage(), ...CLIENT_HEADER },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  if (!response.ok) throw apiErrorFromText(response.status, response.statusText, await response.text());
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  return { fileName: name, headers: response.headers };
}
