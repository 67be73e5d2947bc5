import type { RowReport } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { IssueList } from '../../components/RowIssues.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The workers a batch proposes; NIK and name arrive masked when the role may not see them. */
export function WorkerTable({ rows }: { rows: RowReport[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      layout="cards"
      className="worker-table"
      caption={t('review.workers', { count: formatCount(rows.length, language) })}
      rows={rows}
      rowKey={(row) => `${row.rowNumber}-${row.nik}`}
      columns={[
        { key: 'number', header: t('review.number'), cell: (_row, index) => index + 1, rowHeader: true },
        { key: 'nik', header: t('field.nik'), cell: (row) => row.nik, className: 'mono' },
        { key: 'fullName', header: t('field.fullName'), cell: (row) => row.fullName },
        { key: 'birthDate', header: t('field.birthDate'), cell: (row) => row.birthDate },
        { key: 'sex', header: t('field.sex'), cell: (row) => row.sex },
        { key: 'occupation', header: t('field.occupation'), cell: (row) => row.occupation },
        {
          key: 'warnings',
          header: t('review.warnings'),
          cell: (row) => <IssueList errors={[]} warnings={row.warnings} />,
          className: (row) => (row.warnings.length === 0 ? 'empty-cell' : undefined),
        },
      ]}
    />
  );
}
