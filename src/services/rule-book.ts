// The one I/O adapter for the rules: reads the parameter YAML files once, next to this module's
// source (src/rules/params), and exposes the validated book to services and tests.
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

let cached: ParameterBook | undefined;

/** The parameter book, loaded (and validated) on first use. */
export function ruleBook(): ParameterBook {
  cached ??= loadParameterBook(readParameterFiles());
  return cached;
}
