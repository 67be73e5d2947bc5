import { writeFileSync } from 'node:fs';
import { ERROR_CATALOG } from '../src/errors.ts';

const lines = [
  '# Error codes',
  '',
  'Every failure of the HTTP API answers `{ "error": { "code", "message" } }`; the CLI prints',
  '`error CODE: message` and exits 1 (2 for invalid input). Messages follow `Accept-Language`',
  '(HTTP) or `LINDUNG_LANG` (CLI): Bahasa Indonesia by default, English with `en`.',
  'The codes are stable: scripts may rely on them. `{name}` parts are filled in per case, in the',
  'language of the message (a month or a refusal reason is named in words, not as a code).',
  '',
  '| code | HTTP | Bahasa Indonesia | English |',
  '|---|---|---|---|',
  ...Object.entries(ERROR_CATALOG).map(([c, e]) => `| \`${c}\` | ${e.status} | ${e.id} | ${e.en} |`),
  '',
];
writeFileSync('docs/errors.md', lines.join('\n'));
