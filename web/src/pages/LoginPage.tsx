import { type FormEvent, useId, useState } from 'react';
import { login } from '../api/auth.ts';
import type { User } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TextField } from '../components/FormFields.tsx';
import { AppBar } from '../components/Header.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link, usePath } from '../router.tsx';
import { MeActivatePage } from './MeActivatePage.tsx';
import { ACTIVATE_PATH } from './MeRoutes.tsx';

export function LoginPage({ onLogin }: { onLogin: (user: User) => void }) {
  const { t } = useI18n();
  const formId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const activating = usePath() === ACTIVATE_PATH;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onLogin(await login(username.trim(), password));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <>
      <header className="app-header">
        <AppBar />
      </header>
      <main id="main" className="page page-narrow">
        {activating ? <MeActivatePage onLogin={onLogin} /> : null}
        <form
          hidden={activating}
          className="card login-form"
          onSubmit={submit}
          noValidate
          aria-labelledby={`${formId}-title`}
        >
          <h1 id={`${formId}-title`}>{t('login.title')}</h1>
          <p className="muted">{t('login.intro')}</p>
          <TextField
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={setUsername}
          />
          <TextField
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
          />
          {error ? <ErrorMessage error={error} /> : null}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        {activating ? null : (
          <p className="login-alt">
            {t('activate.question')} <Link to={ACTIVATE_PATH}>{t('activate.link')}</Link>
          </p>
        )}
      </main>
    </>
  );
}
