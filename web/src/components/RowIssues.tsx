import type { RowIssue, RowReport } from '../api/types.ts';
import { type Translate, useI18n } from '../i18n/I18nProvider.tsx';
import { DataTable } from './DataTable.tsx';

const FIELD_KEYS = {
  nik: 'field.nik',
  fullName: 'field.fullName',
  birthDate: 'field.birthDate',
  sex: 'field.sex',
  occupation: 'field.occupation',
  phone: 'field.phone',
  address: 'field.address',
  villageCode: 'field.villageCode',
  incomeRaw: 'field.income',
  declaredIncomeRp: 'field.income',
  // The server may name fields after its columns.
  full_name: 'field.fullName',
  birth_date: 'field.birthDate',
  village_code: 'field.villageCode',
  income: 'field.income',
  income_raw: 'field.income',
  declared_income_rp: 'field.income',
} as const;

/** The column name the operator sees in the template; an unknown field is shown as it is. */
export function fieldLabel(field: string, t: Translate): string {
  const key = FIELD_KEYS[field as keyof typeof FIELD_KEYS];
  return key ? t(key) : field;
}

/** Errors (red) then warnings (softer amber), each `Column: message`. */
export function IssueList({ errors, warnings }: { errors: RowIssue[]; warnings: RowIssue[] }) {
  const { t } = useI18n();
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <ul className="issues">
      {errors.map((issue) => (
        <li key={`e-${issue.field}-${issue.code}`} className="issue issue-error">
          <span className="issue-field">{fieldLabel(issue.field, t)}:</span> {issue.message}
        </li>
      ))}
      {warnings.map((issue) => (
        <li key={`w-${issue.field}-${issue.code}`} className="issue issue-warning">
          <span className="issue-field">
            {t('enrolment.problems.warning')} · {fieldLabel(issue.field, t)}:
          </span>{' '}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The rows that need a look: row number as in Excel, NIK, name and what is wrong. A table on a
 * wide screen; on a phone each row becomes a card (see `.table-cards` in styles.css).
 */
export function ProblemTable({ rows, caption }: { rows: RowReport[]; caption: string }) {
  const { t } = useI18n();
  const empty = t('enrolment.problems.empty');
  return (
    <DataTable
      className="problem-table"
      caption={caption}
      rows={rows}
      rowKey={(row) => row.rowNumber}
      rowProps={(row) => ({ className: row.errors.length > 0 ? 'row-invalid' : 'row-warning' })}
      columns={(c) => [
        c.text('row', t('enrolment.problems.row'), (row) => row.rowNumber, { rowHeader: true }),
        c.text('nik', t('field.nik'), (row) => row.nik || <span className="muted">{empty}</span>, {
          className: 'mono',
        }),
        c.text(
          'fullName',
          t('field.fullName'),
          (row) => row.fullName || <span className="muted">{empty}</span>,
        ),
        c.text('issues', t('enrolment.problems.issues'), (row) => (
          <IssueList errors={row.errors} warnings={row.warnings} />
        )),
      ]}
    />
  );
}
