import { useI18n } from '../i18n/I18nProvider.tsx';
import { activeNavItem, navItemsFor } from '../nav.ts';
import { Link, usePath } from '../router.tsx';
import { Icon } from './Icon.tsx';

export function NavMenu({ permissions }: { permissions: readonly string[] }) {
  const { t } = useI18n();
  const path = usePath();
  const items = navItemsFor(permissions);
  const active = activeNavItem(items, path);
  if (items.length === 0) return null;
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.path}>
            <Link to={item.path} aria-current={item === active ? 'page' : undefined}>
              <Icon name={item.icon} />
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
