import type { Role } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { activeNavItem, menuFor } from '../nav.ts';
import { Link, usePath } from '../router.tsx';
import { Icon } from './Icon.tsx';

export const MAIN_MENU_ID = 'main-menu';

/**
 * The main menu: home and the role's key tasks first, then the rest. On a phone it is folded
 * behind MenuToggle (`open`), so the page starts near the top; wider screens always show it.
 */
export function NavMenu({
  role,
  permissions,
  open,
}: {
  role: Role;
  permissions: readonly string[];
  open: boolean;
}) {
  const { t } = useI18n();
  const path = usePath();
  const { key, rest } = menuFor(role, permissions);
  const items = [...key, ...rest];
  const active = activeNavItem(items, path);
  if (items.length === 0) return null;
  return (
    <nav
      id={MAIN_MENU_ID}
      className={open ? 'main-nav' : 'main-nav main-nav-folded'}
      aria-label={t('nav.label')}
    >
      <ul>
        {items.map((item, i) => (
          <li key={item.path} className={i === key.length && i > 0 ? 'nav-rest-first' : undefined}>
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

/** The phone's menu button (hidden on wider screens, where the menu is always shown). */
export function MenuToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button button-secondary menu-toggle"
      aria-expanded={open}
      aria-controls={MAIN_MENU_ID}
      onClick={onToggle}
    >
      <Icon name="menu" />
      {t('nav.menu')}
    </button>
  );
}
