import { type ReactNode, useId } from 'react';
import type { DashboardArea } from '../../api/reports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMembershipCatalog } from '../useCatalogs.ts';

// Participants per kecamatan (the chart's table view) and, for one kecamatan, per village with
// segment, status and funding counts. Wide tables scroll inside their own box, never the page.

export function DistrictTable({ districts }: { districts: DashboardArea[] }) {
  const { t, language } = useI18n();
  const SEGMENTS = useMembershipCatalog()?.segments ?? [];
  const n = (value: number | undefined) => formatCount(value ?? 0, language);
  return (
    <DataTable
      layout="grid"
      className="district-table"
      caption={t('dash.areas.title')}
      captionHidden
      rows={districts}
      rowKey={(d) => d.code}
      rowProps={(d) => ({ 'data-area': d.code })}
      columns={(c) => [
        c.text('district', t('dash.areas.district'), (d) => d.name, { rowHeader: true }),
        c.num('active', t('dash.areas.active'), (d) => n(d.active), { className: 'strong' }),
        ...SEGMENTS.map((segment) => ({
          key: segment,
          header: t(`dash.segment.${segment}`),
          cell: (d: DashboardArea) => n(d.bySegment[segment]),
          align: 'num' as const,
        })),
      ]}
    />
  );
}

/** The kecamatan picker and its villages' table. */
export function VillageDrillDown({
  districts,
  villages,
  selected,
  onSelect,
  csvUrl,
}: {
  districts: DashboardArea[];
  villages: DashboardArea[];
  selected: string | null;
  onSelect: (code: string) => void;
  /** Every village of the regency as CSV. */
  csvUrl: string;
}) {
  const { t, language } = useI18n();
  const catalog = useMembershipCatalog();
  const SEGMENTS = catalog?.segments ?? [];
  const STATUSES = catalog?.statuses ?? [];
  const FUNDINGS = catalog?.fundings ?? [];
  const id = useId();
  const district = districts.find((d) => d.code === selected) ?? null;
  // A village operator's scope holds only villages: show them without a kecamatan to pick.
  const inDistrict = districts.length === 0 ? villages : villages.filter((v) => v.parentCode === selected);
  // Villages with participants first: the ones a reader looks for.
  const rows = [...inDistrict].sort((a, b) => b.active - a.active || a.name.localeCompare(b.name));
  const n = (value: number | undefined) => formatCount(value ?? 0, language);
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <div className="chart-head">
        <h2 id={`${id}-title`}>{t('dash.villages.title')}</h2>
        <a className="button button-secondary button-small" href={csvUrl} download>
          <Icon name="download" />
          {t('chart.csv')}
          <span className="visually-hidden"> {t('dash.villages.title')}</span>
        </a>
      </div>
      {districts.length === 0 ? null : (
        <div className="field drill-picker">
          <label htmlFor={`${id}-district`}>{t('dash.villages.pick')}</label>
          <select id={`${id}-district`} value={selected ?? ''} onChange={(e) => onSelect(e.target.value)}>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {t('dash.villages.option', { name: d.name, active: n(d.active) })}
              </option>
            ))}
          </select>
        </div>
      )}
      {district && district.active === 0 ? <p className="muted">{t('dash.villages.none')}</p> : null}
      {rows.length > 0 ? (
        <>
          {district ? (
            <p id={`${id}-caption`} className="table-title">
              {t('dash.villages.caption', { name: district.name, count: n(rows.length) })}
            </p>
          ) : null}
          <ScrollRegion labelledBy={district ? `${id}-caption` : `${id}-title`}>
            <DataTable
              layout="grid"
              className="village-table"
              aria-labelledby={district ? `${id}-caption` : `${id}-title`}
              rows={rows}
              rowKey={(v) => v.code}
              rowProps={(v) => ({ 'data-area': v.code })}
              headGroups={
                <tr>
                  <td />
                  <td />
                  <th scope="colgroup" colSpan={SEGMENTS.length} className="group">
                    {t('dash.villages.segment')}
                  </th>
                  <th scope="colgroup" colSpan={STATUSES.length} className="group">
                    {t('dash.villages.status')}
                  </th>
                  <th scope="colgroup" colSpan={FUNDINGS.length} className="group">
                    {t('dash.villages.funding')}
                  </th>
                </tr>
              }
              columns={(c) => {
                /** A count column, tagged with its key for the tests and the CSS. */
                const figure = (
                  key: string,
                  header: ReactNode,
                  count: (v: DashboardArea) => number | undefined,
                ) => c.num(key, header, (v) => n(count(v)), { cellData: () => ({ 'data-column': key }) });
                return [
                  c.text('village', t('dash.villages.village'), (v) => v.name, { rowHeader: true }),
                  c.num('active', t('dash.areas.active'), (v) => n(v.active), {
                    className: 'strong',
                    cellData: () => ({ 'data-column': 'active' }),
                  }),
                  ...SEGMENTS.map((s) =>
                    figure(
                      `segment-${s}`,
                      <abbr title={t(`dash.segment.${s}`)}>{s}</abbr>,
                      (v) => v.bySegment[s],
                    ),
                  ),
                  ...STATUSES.map((s) =>
                    figure(`status-${s}`, t(`participant.status.${s}`), (v) => v.byStatus[s]),
                  ),
                  ...FUNDINGS.map((f) =>
                    figure(`funding-${f}`, t(`dash.funding.${f}`), (v) => v.byFunding[f]),
                  ),
                ];
              }}
            />
          </ScrollRegion>
        </>
      ) : null}
    </section>
  );
}
