import fc from 'fast-check';

// fast-check arbitraries for request bodies, read from the OpenAPI document's JSON schemas: mostly
// shaped like the schema (so the request reaches the service), with values chosen to hurt —
// NUL, lone surrogates, year 0000 and 9999, numbers past int4 and 2^53, formula-looking names —
// and now and then any JSON value at all.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
};

const NASTY_STRINGS = [
  '',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '0000-00',
  '=HYPERLINK("http://x","y")',
  '+62 812',
  '@SUM(A1)',
  "Robert'); DROP TABLE person;--",
  '<script>alert(1)</script>',
  '53.04',
  '53.04.01.2001',
  '2026-12-01',
  '2026-11',
  '%E0%A4%A',
  '0x10',
  '1e309',
  'ä'.repeat(300),
  ' '.repeat(50),
];

const NASTY_NUMBERS = [
  0,
  -1,
  1,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  2 ** 53 - 1,
  2 ** 53 + 2,
  9_007_199_254_740_991,
  1e308,
  -1e308,
  0.5,
  1.5e-300,
  2024,
];

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const anyNumber = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) s = components[s.$ref.split('/').pop()!] ?? {};
  return s;
}

function typed(type: string, s: JsonSchema, components: Record<string, JsonSchema>, depth: number) {
  switch (type) {
    case 'string':
      return s.enum ? fc.oneof(fc.constantFrom(...s.enum), anyString) : anyString;
    case 'integer':
    case 'number':
      return anyNumber;
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 1, null));
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(shaped(s.items ?? {}, components, depth + 1), { maxLength: 3 });
    default:
      return objectOf(s, components, depth);
  }
}

function objectOf(
  s: JsonSchema,
  components: Record<string, JsonSchema>,
  depth: number,
): fc.Arbitrary<unknown> {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0 || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  const model = Object.fromEntries(props.map(([k, v]) => [k, shaped(v, components, depth + 1)]));
  // Any subset of the fields, now and then with a stray one.
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.option(fc.tuple(anyString, fc.jsonValue({ maxDepth: 1 }))),
    )
    .map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
}

/** Values shaped like `schema`, with hurtful leaves. */
export function shaped(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => shaped(a, components, depth + 1)));
  if (s.const !== undefined) return fc.constant(s.const);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((t) => typed(t, s, components, depth)));
}

/** A request body: mostly shaped like the schema, sometimes anything JSON at all. */
export function bodyFor(schema: JsonSchema, components: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: shaped(schema, components) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  );
}
