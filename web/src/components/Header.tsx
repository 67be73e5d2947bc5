import { useEffect, useState } from 'react';
import type { User } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePath } from '../router.tsx';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MenuToggle, NavMenu } from './NavMenu.tsx';
import '../phone-menu.css';

interface HeaderProps {
  user: User;
  onLogout: () => void;
}

/** The bar across the top: the brand and the language switch (also above the login form). */
export function AppBar() {
  return (
    <div className="app-bar">
      <Brand />
      <LanguageSwitch />
    </div>
  );
}

export function Header({ user, onLogout }: HeaderProps) {
  const { t } = useI18n();
  const path = usePath();
  // The phone menu folds again once a page is chosen from it (or by any other link).
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    void path;
    setMenuOpen(false);
  }, [path]);
  return (
    <header className="app-header">
      <AppBar />
      <section className="account" aria-label={t('header.account')}>
        <div className="account-text">
          <span className="account-name">{user.displayName}</span>
          <span className="account-detail">
            <span className="account-role">{t(`role.${user.role}`)}</span>
            <span aria-hidden="true"> · </span>
            <span className="account-scope">{user.scope.name}</span>
          </span>
        </div>
        <MenuToggle open={menuOpen} onToggle={() => setMenuOpen(!menuOpen)} />
        <button type="button" className="button button-secondary" onClick={onLogout}>
          {t('header.logout')}
        </button>
      </section>
      <NavMenu role={user.role} permissions={user.permissions} open={menuOpen} />
    </header>
  );
}
