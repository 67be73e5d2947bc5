import { useMemo, useState } from 'react';
import {
  type DistrictDashboard,
  districtCsvUrl,
  getDistrictDashboard,
  homeRegency,
} from '../../api/reports.ts';
import type { User } from '../../api/types.ts';
import { ChartPanel } from '../../components/ChartPanel.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { formatCount, formatDate, todayWita } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { loadMembershipCatalog, useMembershipCatalog } from '../useCatalogs.ts';
import { useLoad } from '../useLoad.ts';
import { DistrictTable, VillageDrillDown } from './AreaTables.tsx';
import { BudgetPanel } from './BudgetPanel.tsx';
import { areasOption, arrearsOption, trendsOption } from './chart-options.ts';
import { ArrearsTable, TrendsTable } from './FigureTables.tsx';
import { FreshnessNote } from './FreshnessNote.tsx';
import { NonAsnCard } from './NonAsnCard.tsx';
import { UcjCard } from './UcjCard.tsx';
import '../../dashboards.css';
import { IsoDate, passes } from '../../api/fields.ts';
import { TextField } from '../../components/FormFields.tsx';
import type { PageProps } from '../pageProps.ts';

// The district (kabupaten) dashboard: coverage against the workforce (UCJ), participants per
// kecamatan with a drill-down to villages, monthly trends, arrears by age and budget use.

export const DISTRICT_DASHBOARD_PATH = '/dashboard/district';

function Dashboard({
  data,
  asOf,
  user,
  reload,
  onUnauthenticated,
}: {
  data: DistrictDashboard;
  asOf: string;
  user: User;
  reload: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const districts = useMemo(() => data.areas.filter((a) => a.level === 'district'), [data]);
  const villages = useMemo(() => data.areas.filter((a) => a.level === 'village'), [data]);
  const busiest = useMemo(
    () =>
      districts.reduce<(typeof districts)[number] | null>(
        (m, d) => (!m || d.active > m.active ? d : m),
        null,
      ),
    [districts],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const selected = picked && districts.some((d) => d.code === picked) ? picked : (busiest?.code ?? null);
  const csv = (table: Parameters<typeof districtCsvUrl>[2]) => districtCsvUrl(data.regencyCode, asOf, table);
  // A village operator's scope has villages only; otherwise the kecamatan rows hold every village.
  const villageScope = districts.length === 0;
  // The server's one figure (active-count.ts): the kecamatan rows leave out the participants
  // registered at regency level (Non-ASN staff), so summing them undercounts.
  const active = data.active;
  const villagesWith = villages.filter((v) => v.active > 0).length;

  const segments = useMembershipCatalog()?.segments;
  const areas = useMemo(
    () => areasOption(districts, segments ?? [], t, language),
    [districts, segments, t, language],
  );
  const trends = useMemo(() => trendsOption(data.trends, t, language), [data, t, language]);
  const arrears = useMemo(() => arrearsOption(data.arrears, t, language), [data, t, language]);

  return (
    <>
      <FreshnessNote freshness={data.freshness} />
      {/* UCJ is a regency figure: a village operator (no region-wide reading) gets none. */}
      {data.ucj || user.permissions.includes('employers.read') ? (
        <UcjCard
          regencyCode={data.regencyCode}
          ucj={data.ucj}
          canManage={user.permissions.includes('workforce.manage')}
          onSaved={reload}
          onUnauthenticated={onUnauthenticated}
        />
      ) : null}
      <dl className="stats">
        <div className="stat">
          <dt>{t('dash.stat.active')}</dt>
          <dd>{formatCount(active, language)}</dd>
        </div>
        {villageScope ? null : (
          <div className="stat">
            <dt>{t('dash.stat.districts')}</dt>
            <dd>{formatCount(districts.length, language)}</dd>
          </div>
        )}
        <div className="stat">
          <dt>{t('dash.stat.villages')}</dt>
          <dd>{formatCount(villagesWith, language)}</dd>
        </div>
      </dl>
      {villageScope ? null : (
        <ChartPanel
          title={t('dash.areas.title')}
          option={areas}
          height={Math.max(200, 48 + districts.length * 30)}
          csvUrl={csv('districts')}
          empty={districts.length === 0 ? t('dash.empty') : null}
          table={<DistrictTable districts={districts} />}
        />
      )}
      <VillageDrillDown
        districts={districts}
        villages={villages}
        selected={selected}
        onSelect={setPicked}
        csvUrl={csv('villages')}
      />
      <ChartPanel
        title={t('dash.trend.title')}
        option={trends}
        csvUrl={csv('trends')}
        empty={data.trends.length === 0 ? t('dash.empty') : null}
        table={<TrendsTable trends={data.trends} caption={t('dash.trend.title')} />}
      />
      <ChartPanel
        title={t('dash.arrears.title')}
        option={arrears}
        height={240}
        csvUrl={csv('arrears')}
        table={<ArrearsTable arrears={data.arrears} caption={t('dash.arrears.title')} />}
      />
      <BudgetPanel budget={data.budget} csvUrl={csv('budget')} />
      {/* A regency figure, like UCJ: null for a caller who sees only a village. */}
      {data.nonAsn ? <NonAsnCard nonAsn={data.nonAsn} csvUrl={csv('non_asn')} /> : null}
    </>
  );
}

export function DistrictDashboardPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const regency = homeRegency(user.homeRegion);
  const [asOf, setAsOf] = useState(todayWita);
  const validAsOf = passes(IsoDate, asOf) ? asOf : todayWita();
  const { state, reload } = useLoad(
    JSON.stringify([regency, validAsOf, language]),
    async () => (await Promise.all([getDistrictDashboard(regency, validAsOf), loadMembershipCatalog()]))[0],
    onUnauthenticated,
  );
  const name = state.status === 'loaded' ? state.data.regencyName : regency;
  return (
    <div className="stack dashboard-page">
      <PageHead
        title={t('dash.district.title')}
        intro={t('dash.district.intro', {
          name,
          date: passes(IsoDate, validAsOf) ? formatDate(validAsOf, language) : '',
        })}
      />
      <form className="filter-form" onSubmit={(event) => event.preventDefault()}>
        <TextField label={t('dash.asOf')} type="date" value={asOf} onChange={setAsOf} />
      </form>
      <LoadView state={state} retry={reload}>
        {(data) => (
          <Dashboard
            data={data}
            asOf={validAsOf}
            user={user}
            reload={reload}
            onUnauthenticated={onUnauthenticated}
          />
        )}
      </LoadView>
    </div>
  );
}
