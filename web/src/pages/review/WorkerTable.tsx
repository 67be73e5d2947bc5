import type { RowReport } from '../../api/types.ts';
import { IssueList } from '../../components/RowIssues.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The workers a batch proposes; NIK and name arrive masked when the role may not see them. */
export function WorkerTable({ rows }: { rows: RowReport[] }) {
  const { t, language } = useI18n();
  return (
    <table className="table-cards worker-table">
      <caption>{t('review.workers', { count: formatCount(rows.length, language) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.number')}</th>
          <th scope="col">{t('field.nik')}</th>
          <th scope="col">{t('field.fullName')}</th>
          <th scope="col">{t('field.birthDate')}</th>
          <th scope="col">{t('field.sex')}</th>
          <th scope="col">{t('field.occupation')}</th>
          <th scope="col">{t('review.warnings')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.rowNumber}-${row.nik}`}>
            <th scope="row" data-label={t('review.number')}>
              {index + 1}
            </th>
            <td data-label={t('field.nik')} className="mono">
              {row.nik}
            </td>
            <td data-label={t('field.fullName')}>{row.fullName}</td>
            <td data-label={t('field.birthDate')}>{row.birthDate}</td>
            <td data-label={t('field.sex')}>{row.sex}</td>
            <td data-label={t('field.occupation')}>{row.occupation}</td>
            <td
              data-label={t('review.warnings')}
              className={row.warnings.length === 0 ? 'empty-cell' : undefined}
            >
              <IssueList errors={[]} warnings={row.warnings} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
