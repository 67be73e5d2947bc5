import type { RowReport } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { IssueList } from '../../components/RowIssues.tsx';
import { displayDate, formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The workers a batch proposes; NIK and name arrive masked when the role may not see them. */
export function WorkerTable({ rows }: { rows: RowReport[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="worker-table"
      caption={t('review.workers', { count: formatCount(rows.length, language) })}
      rows={rows}
      rowKey={(row) => `${row.rowNumber}-${row.nik}`}
      columns={(c) => [
        c.text('number', t('review.number'), (_row, index) => index + 1, { rowHeader: true }),
        c.text('nik', t('field.nik'), (row) => row.nik, { className: 'mono' }),
        c.text('fullName', t('field.fullName'), (row) => row.fullName),
        c.text('birthDate', t('field.birthDate'), (row) => displayDate(row.birthDate, language, true)),
        c.text('sex', t('field.sex'), (row) => row.sex),
        c.text('occupation', t('field.occupation'), (row) => row.occupation),
        c.text('warnings', t('review.warnings'), (row) => <IssueList errors={[]} warnings={row.warnings} />, {
          className: (row) => (row.warnings.length === 0 ? 'empty-cell' : undefined),
        }),
      ]}
    />
  );
}
