import type { NonAsnCounts } from '../../api/reports.ts';
import { Card } from '../../components/Card.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// Non-ASN staff of the regional government shown apart (issue 13 point 4), in total and per work
// unit (OPD). The district dashboard and the branch report both show it, from one server query.
export function NonAsnCard({ nonAsn, csvUrl }: { nonAsn: NonAsnCounts; csvUrl?: string }) {
  const { t, language } = useI18n();
  const n = (v: number) => formatCount(v, language);
  return (
    <Card title={t('nonAsn.title')} intro={t('nonAsn.intro')} className="non-asn">
      <dl className="stats">
        <div className="stat">
          <dt>{t('nonAsn.total')}</dt>
          <dd>{n(nonAsn.active)}</dd>
        </div>
      </dl>
      {nonAsn.byWorkUnit.length === 0 ? (
        <p className="muted">{t('nonAsn.none')}</p>
      ) : (
        <ScrollRegion label={t('nonAsn.title')}>
          <DataTable
            layout="grid"
            className="report-table"
            caption={t('nonAsn.title')}
            captionHidden
            rows={nonAsn.byWorkUnit}
            rowKey={(u) => `${u.npp}:${u.workUnitCode ?? ''}`}
            footer={
              <tr>
                <th scope="row" colSpan={2}>
                  {t('dash.total')}
                </th>
                <td className="num">{n(nonAsn.active)}</td>
              </tr>
            }
            columns={(c) => [
              c.text(
                'unit',
                t('nonAsn.unit'),
                (u) => (u.workUnitCode ? `${u.workUnitCode} — ${u.workUnitName}` : t('nonAsn.unplaced')),
                {
                  rowHeader: true,
                },
              ),
              c.text('employer', t('nonAsn.employer'), (u) => u.employerName),
              c.num('active', t('nonAsn.active'), (u) => n(u.active)),
            ]}
          />
        </ScrollRegion>
      )}
      {csvUrl ? <DownloadLink href={csvUrl}>{t('export.csv')}</DownloadLink> : null}
    </Card>
  );
}
