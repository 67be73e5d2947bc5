import type { ProblemRow, StagedRow } from '../db/enrolment-rows.ts';
import { ERROR_CATALOG, type ErrorCode, formatMessage, type Lang } from '../errors.ts';
import { maskPerson } from '../privacy/mask.ts';
import type { EnrolmentPolicy } from './enrolment-policy.ts';

export interface RowIssue {
  field: string;
  code: string;
  message: string;
}

export interface RowReport {
  rowId: number;
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
  rows: readonly ProblemRow[],
  lang: Lang,
  policy: EnrolmentPolicy,
  unmasked: boolean,
): RowReport[] {
  // A file may carry the same few codes on every one of its 200,000 rows: format each message once.
  const messages = new Map<string, string>();
  const cached = (code: string) => {
    let text = messages.get(code);
    if (text === undefined) {
      text = message(code, lang, policy);
      messages.set(code, text);
    }
    return text;
  };
  const issues = (list: { field: string; code: string }[]) =>
    list.map((i) => ({ ...i, message: cached(i.code) }));
  return rows.map((r) => {
    const person = { nik: r.nik, fullName: r.fullName, birthDate: r.birthDateRaw, sex: r.sex };
    return {
      rowId: r.rowId,
      rowNumber: r.rowNumber,
      ...(unmasked ? person : maskPerson(person)),
      occupation: r.occupation,
      state: r.state,
      errors: issues(r.errors),
      warnings: issues(r.warnings),
    };
  });
}
