import { useEffect } from 'react';
import type { User } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { NAV_ITEMS } from '../nav.ts';
import { navigate, regionCodeFromPath, regionPath, usePath } from '../router.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PlaceholderPage } from './PlaceholderPage.tsx';
import { RegionPage } from './RegionPage.tsx';

interface MainRoutesProps {
  user: User;
  onUnauthenticated: () => void;
}

/** `/` and `/wilayah` go to the user's home region; the address then names the region. */
function HomeRedirect({ user }: { user: User }) {
  const { t } = useI18n();
  const home = user.homeRegion;
  useEffect(() => {
    if (home) navigate(regionPath(home), { replace: true });
  }, [home]);
  return home ? null : <p className="muted">{t('region.noHome')}</p>;
}

export function MainRoutes({ user, onUnauthenticated }: MainRoutesProps) {
  const path = usePath();
  const regionCode = regionCodeFromPath(path);
  if (regionCode && user.permissions.includes('regions.read')) {
    return <RegionPage code={regionCode} user={user} onUnauthenticated={onUnauthenticated} />;
  }
  if (path === '/' || path === '/wilayah' || path === '/wilayah/') return <HomeRedirect user={user} />;
  const section = NAV_ITEMS.find((item) => item.path === path && user.permissions.includes(item.permission));
  if (section) return <PlaceholderPage title={section.label} />;
  return <NotFoundPage />;
}
