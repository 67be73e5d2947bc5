import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, apiSchemaSource } from '../../scripts/api-schema.ts';

// The web client's types come from the server's own OpenAPI document; a route or zod schema
// changed without `npm run gen:api` leaves them stale, and this fails.
describe('web/src/api/schema.d.ts', () => {
  let expected = '';
  beforeAll(async () => {
    expected = await apiSchemaSource();
  }, 180_000);

  it('is what npm run gen:api makes from the current OpenAPI document', () => {
    const actual = readFileSync(API_SCHEMA_PATH, 'utf8');
    expect(actual === expected, 'web/src/api/schema.d.ts is stale: run `npm run gen:api`').toBe(true);
  });

  it('includes the claim catalog served for the web', () => {
    expect(expected).toContain('"/api/v1/catalogs/claims"');
  });
});
