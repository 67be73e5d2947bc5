import { useEffect } from 'react';
import type { User } from '../api/types.ts';
import { preloadChartsFor } from '../charts/load-echarts.ts';
import { PublicUrlWarning } from '../components/PublicUrlWarning.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { HOME_PATH, NAV_ITEMS, navAllows } from '../nav.ts';
import {
  itemIdFromPath,
  navigate,
  regionCodeFromPath,
  regionPath,
  segmentFromPath,
  usePath,
} from '../router.tsx';
import { BpuPage } from './BpuPage.tsx';
import { BUDGET_PATH, BudgetPage } from './BudgetPage.tsx';
import { BpuPersonPage } from './bpu/BpuPersonPage.tsx';
import { BPU_PATH } from './bpu/paths.ts';
import { claimRoute } from './ClaimRoutes.tsx';
import { CORRECTIONS_PATH, CorrectionsPage } from './CorrectionsPage.tsx';
import { BRANCH_DASHBOARD_PATH, BranchDashboardPage } from './dashboards/BranchDashboardPage.tsx';
import { DISTRICT_DASHBOARD_PATH, DistrictDashboardPage } from './dashboards/DistrictDashboardPage.tsx';
import { EmployersPage } from './EmployersPage.tsx';
import { EnrolmentPage } from './EnrolmentPage.tsx';
import { EMPLOYERS_PATH } from './employers/paths.ts';
import { HomePage } from './HomePage.tsx';
import { InvoicesPage } from './InvoicesPage.tsx';
import { INVOICES_PATH } from './invoices/paths.ts';
import { MEMBERSHIP_CONFLICTS_PATH, MembershipConflictsPage } from './MembershipConflictsPage.tsx';
import { meRoute } from './MeRoutes.tsx';
import { MEMBERSHIP_PATH, MembershipChangesPage } from './membership/MembershipChangesPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { ParticipantPage } from './ParticipantPage.tsx';
import { ParticipantsPage } from './ParticipantsPage.tsx';
import { PaymentsPage } from './PaymentsPage.tsx';
import { PERIOD_CLOSE_PATH, PeriodClosePage } from './PeriodClosePage.tsx';
import { PlaceholderPage } from './PlaceholderPage.tsx';
import { PMI_PATH, PmiPage } from './PmiPage.tsx';
import { ProjectsPage } from './ProjectsPage.tsx';
import type { PageProps } from './pageProps.ts';
import { PARTICIPANTS_PATH } from './participant/paths.ts';
import { PROJECTS_PATH } from './projects/paths.ts';
import { RegionPage } from './RegionPage.tsx';
import { type ReviewMode, ReviewPage } from './ReviewPage.tsx';
import { BRANCH_REPORT_PATH, BranchReportPage } from './reports/BranchReportPage.tsx';

type MainRoutesProps = PageProps;

/**
 * `/wilayah` goes to the user's home region; the address then names the region. `/` goes to the
 * home page's to-dos for the roles that have one, else to the home region as well.
 */
function HomeRedirect({ user, toHomePage }: { user: User; toHomePage: boolean }) {
  const { t } = useI18n();
  const home = toHomePage ? HOME_PATH : user.homeRegion && regionPath(user.homeRegion);
  useEffect(() => {
    if (home) navigate(home, { replace: true });
  }, [home]);
  return home ? null : <p className="muted">{t('region.noHome')}</p>;
}

/** The page of the path; the admin also sees the warnings about the server's own set-up above it. */
export function MainRoutes({ user, onUnauthenticated }: MainRoutesProps) {
  const path = usePath();
  // A dashboard's chart library downloads while its data is asked for, not after it arrives.
  useEffect(() => preloadChartsFor(path), [path]);
  const page = routeOf(path, user, onUnauthenticated);
  if (!user.permissions.includes('users.manage')) return page;
  return (
    <>
      <PublicUrlWarning />
      {page}
    </>
  );
}

function routeOf(path: string, user: User, onUnauthenticated: () => void) {
  // Participants: their own card, contributions and claims; '/' opens their card.
  const mine = meRoute(path, user, onUnauthenticated);
  if (mine) return mine;
  const claims = claimRoute(path, user, onUnauthenticated);
  if (claims) return claims;
  const regionCode = regionCodeFromPath(path);
  if (regionCode && user.permissions.includes('regions.read')) {
    return <RegionPage code={regionCode} user={user} onUnauthenticated={onUnauthenticated} />;
  }
  const can = (permission: string) => user.permissions.includes(permission);
  if (path === '/' || path === '/wilayah' || path === '/wilayah/') {
    return <HomeRedirect user={user} toHomePage={path === '/' && can('billing.read')} />;
  }
  if (path === HOME_PATH && can('billing.read')) {
    return <HomePage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === '/pendaftaran' && can('enrolment.upload')) {
    return <EnrolmentPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === PARTICIPANTS_PATH && can('participants.read')) {
    return <ParticipantsPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  const kpj = can('participants.read') ? itemIdFromPath(path, PARTICIPANTS_PATH) : null;
  if (kpj) return <ParticipantPage key={kpj} kpj={kpj} onUnauthenticated={onUnauthenticated} />;
  if (
    path === CORRECTIONS_PATH &&
    (can('persons.correct') || can('persons.correct.decide') || can('audit.read'))
  ) {
    return <CorrectionsPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === MEMBERSHIP_PATH && ['membership.propose', 'membership.verify', 'membership.apply'].some(can)) {
    return <MembershipChangesPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === MEMBERSHIP_CONFLICTS_PATH && can('membership.review')) {
    return <MembershipConflictsPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  const reviews: [ReviewMode, string, string][] = [
    ['verify', '/verifikasi', 'enrolment.verify'],
    ['activate', '/aktivasi', 'enrolment.activate'],
  ];
  for (const [mode, section, permission] of reviews) {
    if (!can(permission)) continue;
    const batchId = itemIdFromPath(path, section);
    if (path === section || batchId) {
      return (
        <ReviewPage
          key={`${mode}:${batchId ?? ''}`}
          mode={mode}
          batchId={batchId}
          user={user}
          onUnauthenticated={onUnauthenticated}
        />
      );
    }
  }
  if (can('billing.read')) {
    const invoiceId = itemIdFromPath(path, INVOICES_PATH);
    if (path === INVOICES_PATH || invoiceId) {
      return (
        <InvoicesPage
          key={invoiceId ?? ''}
          user={user}
          invoiceId={invoiceId}
          onUnauthenticated={onUnauthenticated}
        />
      );
    }
  }
  if (path === BUDGET_PATH && can('billing.read')) {
    return <BudgetPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === PERIOD_CLOSE_PATH && can('periods.close')) {
    return <PeriodClosePage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === '/pembayaran' && (can('payments.post') || can('payments.reverse'))) {
    return <PaymentsPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === BPU_PATH && can('participants.read')) {
    return <BpuPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  const bpuKpj = can('participants.read') ? itemIdFromPath(path, BPU_PATH) : null;
  if (bpuKpj) {
    return <BpuPersonPage key={bpuKpj} kpj={bpuKpj} user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === PMI_PATH && can('participants.read')) {
    return <PmiPage user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (can('employers.read')) {
    const npp = segmentFromPath(path, EMPLOYERS_PATH);
    if (path === EMPLOYERS_PATH || npp) {
      return <EmployersPage key={npp ?? ''} user={user} npp={npp} onUnauthenticated={onUnauthenticated} />;
    }
    const number = segmentFromPath(path, PROJECTS_PATH);
    if (path === PROJECTS_PATH || number) {
      return (
        <ProjectsPage key={number ?? ''} user={user} number={number} onUnauthenticated={onUnauthenticated} />
      );
    }
  }
  if (can('reports.read')) {
    if (path === DISTRICT_DASHBOARD_PATH) {
      return <DistrictDashboardPage user={user} onUnauthenticated={onUnauthenticated} />;
    }
    if (path === BRANCH_DASHBOARD_PATH && can('employers.read')) {
      return <BranchDashboardPage user={user} onUnauthenticated={onUnauthenticated} />;
    }
    if (path === BRANCH_REPORT_PATH && can('employers.read')) {
      return <BranchReportPage user={user} onUnauthenticated={onUnauthenticated} />;
    }
  }
  const section = NAV_ITEMS.find((item) => item.path === path && navAllows(item, user.permissions));
  if (section) return <PlaceholderPage title={section.label} />;
  return <NotFoundPage />;
}
