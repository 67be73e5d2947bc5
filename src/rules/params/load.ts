// The pure parameter loader: `{ fileName: yamlText }` in, a validated ParameterBook out.
// No file system here: src/services/rule-book.ts reads the files.
import { parse } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { isValidDate } from '../calendar.ts';
import { ParameterBook } from './book.ts';
import { type Parameter, type ParameterValue, parameterSchema, UNIT_SHAPES } from './schema.ts';

function invalid(file: string, detail: string): AppError {
  return new AppError('PARAMETER_FILE_INVALID', { file, detail });
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

function parseYaml(file: string, text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parse(text, { schema: 'core', uniqueKeys: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const dup = /unique/i.test(msg) ? 'kunci/tanggal ganda (duplicate key or date): ' : '';
    throw invalid(file, `${dup}${msg.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw invalid(file, 'berkas harus berisi peta parameter (a map of parameters)');
  }
  return doc as Record<string, unknown>;
}

function checkValues(file: string, name: string, unit: Parameter['unit'], raw: Record<string, unknown>) {
  const values: ParameterValue[] = [];
  const dates = Object.keys(raw);
  if (dates.length === 0) throw invalid(file, `${name}: tidak ada nilai (no values)`);
  for (const [i, date] of dates.entries()) {
    if (!isValidDate(date)) throw invalid(file, `${name}: tanggal tidak valid (invalid date) ${date}`);
    const prev = dates[i - 1];
    if (prev !== undefined && prev >= date) {
      throw invalid(file, `${name}: tanggal tidak urut (dates not sorted): ${prev} lalu/then ${date}`);
    }
    const entry = raw[date] as ParameterValue;
    if (entry.value === null) {
      if (entry.status !== 'unconfirmed') {
        throw invalid(file, `${name}.${date}: nilai null hanya dengan status unconfirmed`);
      }
    } else {
      const shape = UNIT_SHAPES[unit].safeParse(entry.value);
      if (!shape.success) {
        throw invalid(
          file,
          `${name}.${date}: nilai tidak sesuai satuan ${unit} (value does not fit unit): ${describeIssues(shape.error)}`,
        );
      }
    }
    if (entry.until !== undefined && entry.until < date)
      throw invalid(file, `${name}.${date}: until sebelum tanggal`);
    values.push({ ...entry, date });
  }
  return values;
}

export function loadParameterFile(fileName: string, text: string): Parameter[] {
  const file = fileName.replace(/\.ya?ml$/, '');
  const doc = parseYaml(fileName, text);
  return Object.entries(doc).map(([name, def]) => {
    const parsed = parameterSchema.safeParse(def);
    if (!parsed.success) throw invalid(fileName, `${name}: ${describeIssues(parsed.error)}`);
    const p = parsed.data;
    return {
      id: `${file}.${name}`,
      file: fileName,
      description: p.description,
      unit: p.unit,
      lastValueStillValidOn: p.last_value_still_valid_on,
      values: checkValues(fileName, name, p.unit, p.values),
    };
  });
}

/** Validate every file and build the book; a parameter id may be defined once. */
export function loadParameterBook(files: Readonly<Record<string, string>>): ParameterBook {
  const all = new Map<string, Parameter>();
  for (const [fileName, text] of Object.entries(files)) {
    for (const p of loadParameterFile(fileName, text)) {
      if (all.has(p.id)) throw invalid(fileName, `parameter ${p.id} didefinisikan dua kali`);
      all.set(p.id, p);
    }
  }
  return new ParameterBook(all);
}
