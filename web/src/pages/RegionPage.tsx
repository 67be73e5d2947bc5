import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/LoadView.tsx';
import { RegionChildren } from '../components/RegionChildren.tsx';
import { RegionOverview } from '../components/RegionOverview.tsx';
import { VillageCardsButton } from '../components/VillageCardsButton.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link, regionPath } from '../router.tsx';
import type { PageProps } from './pageProps.ts';
import { useRegion } from './useRegion.ts';

type RegionPageProps = PageProps & { code: string };

/** Region codes the user may open: the whole tree for system scope, else the home region down. */
function browsableBy(user: User): (code: string) => boolean {
  if (user.scope.type === 'system') return () => true;
  const home = user.homeRegion;
  return (code) => home !== null && (code === home || code.startsWith(`${home}.`));
}

export function RegionPage({ code, user, onUnauthenticated }: RegionPageProps) {
  const { t, language } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const state = useRegion(code, language, attempt);
  const unauthenticated =
    state.status === 'failed' && state.error instanceof ApiError && state.error.status === 401;

  useEffect(() => {
    if (unauthenticated) onUnauthenticated();
  }, [unauthenticated, onUnauthenticated]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    const notFound = state.error instanceof ApiError && state.error.status === 404;
    return (
      <div className="stack">
        <ErrorMessage error={state.error} />
        {notFound && user.homeRegion ? (
          <Link to={regionPath(user.homeRegion)} className="button button-secondary">
            {t('region.backHome')}
          </Link>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setAttempt(attempt + 1)}>
            {t('app.retry')}
          </button>
        )}
      </div>
    );
  }
  const { region, children, ancestors } = state.data;
  // While a new code loads, the previous region stays on screen (no flash); mark it busy.
  const stale = region.code !== code;
  return (
    <div className="stack region-page" aria-busy={stale}>
      {stale ? (
        <p className="loading-note" role="status">
          {t('app.loading')}
        </p>
      ) : null}
      <Breadcrumb ancestors={ancestors} current={region.name} canOpen={browsableBy(user)} />
      <RegionOverview region={region} />
      <VillageCardsButton region={region} user={user} />
      <RegionChildren region={region} items={children} />
    </div>
  );
}
