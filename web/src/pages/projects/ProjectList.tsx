import { useState } from 'react';
import { listProjects, PROJECTS_PAGE_SIZE, type Project } from '../../api/employers.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { PagedRows, RegisterToggle } from '../../components/RegisterAndPage.tsx';
import { formatCount, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import type { PageProps } from '../pageProps.ts';
import { useLoad } from '../useLoad.ts';
import { PremiumBasisView, safeDate } from './PremiumBasisView.tsx';
import { RegisterProjectForm } from './ProjectForm.tsx';
import { PaidBadge } from './ProjectPremium.tsx';
import { projectPath } from './paths.ts';

export function ProjectTable({ projects }: { projects: Project[] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      className="project-table"
      caption={t('projects.title')}
      captionHidden
      rows={projects}
      rowKey={(p) => p.projectNumber}
      columns={(c) => [
        c.text(
          'number',
          t('project.number'),
          (p) => <Link to={projectPath(p.projectNumber)}>{p.projectNumber}</Link>,
          { className: 'mono', rowHeader: true },
        ),
        c.text('name', t('project.name'), (p) => p.name),
        c.text('contractor', t('project.contractor'), (p) => p.contractorName),
        c.num('contractValue', t('project.contractValue'), (p) => formatRupiah(p.contractValueRp, language)),
        c.num('premium', t('project.premium'), (p) => formatRupiah(p.premiumRp, language), {
          className: 'strong',
        }),
        c.text('term', t('project.term'), (p) => (
          <>
            {safeDate(p.startDate, language)} – {safeDate(p.endDate, language)}
          </>
        )),
        c.text('paid', t('project.invoice.premiumStatus'), (p) => <PaidBadge paid={p.covered} />),
        c.num('workers', t('project.workers'), (p) => formatCount(p.workers, language)),
      ]}
    />
  );
}

export function ProjectList({ user, onUnauthenticated }: PageProps) {
  const { t } = useI18n();
  // The cursors of the pages opened after the first (keyset paging: Previous goes back).
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<Project | null>(null);
  const { state, reload } = useLoad(String(cursor), () => listProjects(cursor), onUnauthenticated);
  const canManage = user.permissions.includes('employers.manage');
  return (
    <div className="stack projects-page">
      <PageHead title={t('projects.title')} intro={t('projects.intro')} />
      {registered ? (
        <div className="stack" role="status">
          <p className="success">{t('project.registered', { number: registered.projectNumber })}</p>
          <PremiumBasisView project={registered} />
          <Link to={projectPath(registered.projectNumber)} className="button button-secondary">
            {t('project.open')}
          </Link>
        </div>
      ) : null}
      <RegisterToggle
        allowed={canManage}
        open={registering}
        onOpen={() => {
          setRegistered(null);
          setRegistering(true);
        }}
        icon="crane"
        label={t('project.register.open')}
        form={() => (
          <RegisterProjectForm
            user={user}
            onCancel={() => setRegistering(false)}
            onRegistered={(project) => {
              setRegistering(false);
              setRegistered(project);
              reload();
            }}
          />
        )}
      />
      <PagedRows
        state={state}
        retry={reload}
        rows={(page) => page.projects}
        empty={t('projects.empty')}
        cursors={cursors}
        pageSize={PROJECTS_PAGE_SIZE}
        onCursors={setCursors}
        table={(projects) => <ProjectTable projects={projects} />}
      />
    </div>
  );
}
