// The one gate every request's input passes before its route's own schema (a preValidation hook):
// the rules of src/hygiene.ts applied to the body, the query, the path and the file-name header,
// whatever the route. A route's zod schema then says what its fields mean; this says what no
// field may ever be, so a forgotten `.max()` answers 400, never 500 from PostgreSQL.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { dateProblem, isCanonicalDecimal, isCleanText, numberCeiling, numberOutOfRange } from '../hygiene.ts';

function checkString(path: string, field: string, text: string): void {
  if (!isCleanText(text)) throw new AppError('TEXT_INVALID', { field: path || 'body' });
  // A password is any text; everything else shaped like a date is one.
  const date = /password/i.test(field) ? null : dateProblem(text);
  if (date) throw new AppError('DATE_OUT_OF_RANGE', { field: path || 'body', value: text.slice(0, 40) });
}

/** Walks a parsed JSON value (or a query/path object), refusing what no input may hold. */
export function inspectInput(value: unknown, path = '', field = ''): void {
  if (typeof value === 'string') {
    checkString(path, field, value);
    return;
  }
  if (typeof value === 'number') {
    if (numberOutOfRange(field, value))
      throw new AppError('NUMBER_OUT_OF_RANGE', { field: path, max: numberCeiling(field) });
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) inspectInput(v, `${path}.${i}`, field);
    return;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (!isCleanText(k)) throw new AppError('TEXT_INVALID', { field: path || 'body' });
      inspectInput(v, path ? `${path}.${k}` : k, k);
    }
  }
}

interface ZodLike {
  _zod?: { def: { type: string; innerType?: ZodLike; in?: ZodLike; shape?: Record<string, ZodLike> } };
  shape?: Record<string, ZodLike>;
}

/** Whether a (possibly optional, defaulted or coerced) zod schema reads a number. */
function readsNumber(schema: ZodLike | undefined): boolean {
  let s = schema;
  for (let depth = 0; s?._zod && depth < 8; depth++) {
    const def = s._zod.def;
    if (def.type === 'number' || def.type === 'bigint') return true;
    s = def.innerType ?? def.in;
  }
  return false;
}

/**
 * Numbers in a path or query arrive as text, which zod's coercion reads as JavaScript does
 * (`0x10` is 16, `1e3` is 1000, ` 7` is 7): only plain decimal digits may name a number.
 */
function checkNumbersInText(values: unknown, schema: unknown, part: string): void {
  const shape = (schema as ZodLike | undefined)?.shape;
  if (!shape || !values || typeof values !== 'object') return;
  for (const [key, raw] of Object.entries(values as Record<string, unknown>)) {
    if (!readsNumber(shape[key])) continue;
    for (const text of Array.isArray(raw) ? raw : [raw]) {
      if (typeof text !== 'string') continue;
      if (!isCanonicalDecimal(text)) throw new AppError('NUMBER_NOT_DECIMAL', { field: `${part}.${key}` });
      if (numberOutOfRange(key, Number(text)))
        throw new AppError('NUMBER_OUT_OF_RANGE', { field: `${part}.${key}`, max: numberCeiling(key) });
    }
  }
}

/**
 * A query parameter the route does not read is refused rather than ignored: a misspelt filter
 * (`?stauts=open`) would otherwise answer the whole unfiltered list as if it were the filtered
 * one (issue 15, point 5). An API route without a query schema reads no parameter at all.
 */
function checkKnownParameters(req: FastifyRequest, schema: unknown): void {
  const values = req.query as Record<string, unknown> | undefined;
  if (!values || typeof values !== 'object') return;
  const shape = (schema as ZodLike | undefined)?.shape;
  if (!shape && !(schema === undefined && req.url.startsWith('/api/v1/'))) return;
  const known = Object.keys(shape ?? {});
  for (const name of Object.keys(values)) {
    if (!known.includes(name))
      throw new AppError('QUERY_PARAMETER_UNKNOWN', {
        name: name.slice(0, 40),
        known: known.join(', ') || '-',
      });
  }
}

function checkFileNameHeader(req: FastifyRequest): void {
  const name = req.headers['x-file-name'];
  if (name === undefined) return;
  const text = Array.isArray(name) ? name.join(',') : name;
  try {
    if (isCleanText(decodeURIComponent(text))) return;
  } catch {
    // a malformed %-escape: refused below
  }
  throw new AppError('FILE_NAME_HEADER_INVALID');
}

export async function inputGuard(req: FastifyRequest): Promise<void> {
  const schema = req.routeOptions.schema as { params?: unknown; querystring?: unknown } | undefined;
  checkNumbersInText(req.params, schema?.params, 'path');
  checkNumbersInText(req.query, schema?.querystring, 'query');
  inspectInput(req.params, 'path');
  inspectInput(req.query, 'query');
  if (typeof req.body === 'string' || (req.body && typeof req.body === 'object')) inspectInput(req.body);
  checkFileNameHeader(req);
  checkKnownParameters(req, schema?.querystring);
}

/** The uploaded file's name from `X-File-Name` (percent-encoded UTF-8; the guard checked it decodes). */
export function uploadFileName(req: FastifyRequest, fallback: string): string {
  const name = req.headers['x-file-name'];
  return typeof name === 'string' && name ? decodeURIComponent(name) : fallback;
}
