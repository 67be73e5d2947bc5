import { useCallback, useEffect, useState } from 'react';
import { currentUser, logout } from './api/auth.ts';
import type { User } from './api/types.ts';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { Header } from './components/Header.tsx';
import { useI18n } from './i18n/I18nProvider.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MainRoutes } from './pages/MainRoutes.tsx';
import { navigate } from './router.tsx';

type Session =
  | { state: 'checking' }
  | { state: 'unreachable'; error: unknown }
  | { state: 'anonymous' }
  | { state: 'signedIn'; user: User };

export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt;
    let cancelled = false;
    currentUser().then(
      (user) => {
        if (!cancelled) setSession(user ? { state: 'signedIn', user } : { state: 'anonymous' });
      },
      (error: unknown) => {
        if (!cancelled) setSession({ state: 'unreachable', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const signOut = useCallback(() => setSession({ state: 'anonymous' }), []);

  const handleLogout = useCallback(async () => {
    try {
      await logout();
    } finally {
      setSession({ state: 'anonymous' });
      navigate('/');
    }
  }, []);

  if (session.state === 'checking') {
    return (
      <main id="main" className="page">
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      </main>
    );
  }
  if (session.state === 'unreachable') {
    return (
      <main id="main" className="page page-narrow stack">
        <ErrorMessage error={session.error} />
        <button type="button" className="button button-primary" onClick={() => setAttempt(attempt + 1)}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (session.state === 'anonymous') {
    return <LoginPage onLogin={(user) => setSession({ state: 'signedIn', user })} />;
  }
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Header user={session.user} onLogout={handleLogout} />
      <main id="main" className="page" tabIndex={-1}>
        <MainRoutes user={session.user} onUnauthenticated={signOut} />
      </main>
    </>
  );
}
