// Error codes: Rules in force and the parameter files that set them.
import type { CatalogEntry } from '../entry.ts';

export const RULE_ERRORS = {
  RULE_NOT_IN_FORCE: {
    status: 422,
    id: 'Aturan {rule} belum berlaku pada {date}.',
    en: 'Rule {rule} is not in force on {date}.',
  },
  PARAMETER_FILE_INVALID: {
    status: 500,
    id: 'Berkas parameter {file} tidak valid: {detail}',
    en: 'Parameter file {file} is invalid: {detail}',
  },
  PARAMETER_VALUE_UNKNOWN: {
    status: 422,
    id: 'Nilai parameter {rule} pada {date} belum dikonfirmasi; administrator harus mengisinya.',
    en: 'Parameter {rule} has no confirmed value on {date}; an administrator must set it.',
  },
} as const satisfies Record<string, CatalogEntry>;
