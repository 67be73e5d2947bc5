// The one I/O adapter for the rules: reads the parameter YAML files once, next to this module's
// source (src/rules/params), and exposes the validated book with the version of the very files it
// was built from, so a stamped version always names the values that were used.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParameterBook } from '../rules/params/book.ts';
import { loadParameterBook } from '../rules/params/load.ts';

export const PARAMS_DIR = fileURLToPath(new URL('../rules/params/', import.meta.url));

export function readParameterFiles(dir: string = PARAMS_DIR): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.yaml')) files[name] = readFileSync(new URL(name, `file://${dir}/`), 'utf8');
  }
  return files;
}

export interface RuleBook {
  readonly book: ParameterBook;
  /** Fingerprint of the parameter files, stored with each bill and claim decision. */
  readonly version: string;
}

/** The book and its fingerprint, both from the same file texts. */
export function loadRuleBook(files: Readonly<Record<string, string>>): RuleBook {
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) h.update(name).update('\0').update(files[name]!).update('\0');
  return { book: loadParameterBook(files), version: `params-${h.digest('hex').slice(0, 16)}` };
}

let cached: RuleBook | undefined;

/** The parameter book and its version, read (and validated) once on first use. */
export function ruleBook(): RuleBook {
  cached ??= loadRuleBook(readParameterFiles());
  return cached;
}
