import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { currentUser, logout } from './api/auth.ts';
import type { User } from './api/types.ts';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { Header } from './components/Header.tsx';
import { useI18n } from './i18n/I18nProvider.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { navigate } from './router.tsx';
import { surelySignedOut } from './session-hint.ts';

// The login page is all a phone needs first; the pages behind it load while the user signs in
// (prefetched below) or on the first signed-in render, in a chunk of their own.
const loadMainRoutes = () => import('./pages/MainRoutes.tsx');
const MainRoutes = lazy(() => loadMainRoutes().then((m) => ({ default: m.MainRoutes })));

type Session =
  | { state: 'checking' }
  | { state: 'unreachable'; error: unknown }
  | { state: 'anonymous' }
  | { state: 'signedIn'; user: User };

// Read once: the mark describes the page as it was first sent, not the session after a logout.
const signedOutAtLoad = surelySignedOut();

export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session>(
    signedOutAtLoad ? { state: 'anonymous' } : { state: 'checking' },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // No session cookie was sent with the page: the check could only answer 401.
    if (attempt === 0 && signedOutAtLoad) return;
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
    // Likely signed in (a cookie was sent): fetch the pages alongside the session check.
    void loadMainRoutes();
    return (
      <main id="main" className="page">
        <Loading />
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
    void loadMainRoutes();
    return <LoginPage onLogin={(user) => setSession({ state: 'signedIn', user })} />;
  }
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Header user={session.user} onLogout={handleLogout} />
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <MainRoutes user={session.user} onUnauthenticated={signOut} />
        </Suspense>
      </main>
    </>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}
