import type { StagedRow } from '../db/enrolment.ts';
import { ERROR_CATALOG, type ErrorCode, formatMessage, type Lang } from '../errors.ts';
import { maskName, maskNik } from '../privacy/mask.ts';
import type { EnrolmentPolicy } from './enrolment-policy.ts';

export interface RowIssue {
  field: string;
  code: string;
  message: string;
}

export interface RowReport {
  rowNumber: number;
  nik: string;
  fullName: string;
  birthDate: string;
  sex: string;
  occupation: string;
  state: StagedRow['state'];
  errors: RowIssue[];
  warnings: RowIssue[];
}

function message(code: string, lang: Lang, policy: EnrolmentPolicy): string {
  if (!(code in ERROR_CATALOG)) return code;
  return formatMessage(code as ErrorCode, lang, { detail: `${policy.ageMinYears}–${policy.ageMaxYears}` });
}

/** Staged rows as the caller may see them: messages in their language, personal data masked unless allowed. */
export function rowReports(
  rows: StagedRow[],
  lang: Lang,
  policy: EnrolmentPolicy,
  unmasked: boolean,
): RowReport[] {
  const issues = (list: { field: string; code: string }[]) =>
    list.map((i) => ({ ...i, message: message(i.code, lang, policy) }));
  return rows.map((r) => ({
    rowNumber: r.rowNumber,
    nik: unmasked ? r.nik : maskNik(r.nik),
    fullName: unmasked ? r.fullName : maskName(r.fullName),
    birthDate: r.birthDateRaw,
    sex: r.sex,
    occupation: r.occupation,
    state: r.state,
    errors: issues(r.errors),
    warnings: issues(r.warnings),
  }));
}
