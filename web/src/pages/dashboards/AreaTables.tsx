import { useId } from 'react';
import type { DashboardArea } from '../../api/reports.ts';
import { Icon } from '../../components/Icon.tsx';
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
    <table className="data-table district-table">
      <caption className="visually-hidden">{t('dash.areas.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dash.areas.district')}</th>
          <th scope="col" className="num">
            {t('dash.areas.active')}
          </th>
          {SEGMENTS.map((segment) => (
            <th key={segment} scope="col" className="num">
              {t(`dash.segment.${segment}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {districts.map((d) => (
          <tr key={d.code} data-area={d.code}>
            <th scope="row">{d.name}</th>
            <td className="num strong">{n(d.active)}</td>
            {SEGMENTS.map((segment) => (
              <td key={segment} className="num">
                {n(d.bySegment[segment])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
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
          <div className="table-scroll">
            <table
              className="data-table village-table"
              aria-labelledby={district ? `${id}-caption` : `${id}-title`}
            >
              <thead>
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
                <tr>
                  <th scope="col">{t('dash.villages.village')}</th>
                  <th scope="col" className="num">
                    {t('dash.areas.active')}
                  </th>
                  {SEGMENTS.map((s) => (
                    <th key={s} scope="col" className="num">
                      <abbr title={t(`dash.segment.${s}`)}>{s}</abbr>
                    </th>
                  ))}
                  {STATUSES.map((s) => (
                    <th key={s} scope="col" className="num">
                      {t(`participant.status.${s}`)}
                    </th>
                  ))}
                  {FUNDINGS.map((f) => (
                    <th key={f} scope="col" className="num">
                      {t(`dash.funding.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((v) => (
                  <tr key={v.code} data-area={v.code}>
                    <th scope="row">{v.name}</th>
                    <td className="num strong" data-column="active">
                      {n(v.active)}
                    </td>
                    {SEGMENTS.map((s) => (
                      <td key={s} className="num" data-column={`segment-${s}`}>
                        {n(v.bySegment[s])}
                      </td>
                    ))}
                    {STATUSES.map((s) => (
                      <td key={s} className="num" data-column={`status-${s}`}>
                        {n(v.byStatus[s])}
                      </td>
                    ))}
                    {FUNDINGS.map((f) => (
                      <td key={f} className="num" data-column={`funding-${f}`}>
                        {n(v.byFunding[f])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
