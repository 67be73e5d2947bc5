import { type FormEvent, useId, useState } from 'react';
import { activateAccount } from '../api/me.ts';
import type { User } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';

const PASSWORD_MIN_LENGTH = 12;

/** Account activation: KPJ + the code from the card letter + a new password; logs the participant in. */
export function MeActivatePage({ onLogin }: { onLogin: (user: User) => void }) {
  const { t } = useI18n();
  const formId = useId();
  const [kpj, setKpj] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!kpj.trim() || !code.trim() || !password) return setError(t('activate.required'));
    if (password.length < PASSWORD_MIN_LENGTH) return setError(t('activate.passwordShort'));
    if (password !== repeat) return setError(t('activate.passwordMismatch'));
    setBusy(true);
    setError(null);
    try {
      onLogin(await activateAccount(kpj.replace(/\s+/g, ''), code.trim(), password));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="card login-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h1 id={`${formId}-title`}>{t('activate.title')}</h1>
      <p className="muted">{t('activate.intro')}</p>
      <div className="field">
        <label htmlFor={`${formId}-kpj`}>{t('activate.kpj')}</label>
        <input
          id={`${formId}-kpj`}
          name="kpj"
          inputMode="numeric"
          autoComplete="username"
          required
          value={kpj}
          onChange={(event) => setKpj(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-code`}>{t('activate.code')}</label>
        <input
          id={`${formId}-code`}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <p className="field-hint">{t('activate.codeHint')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${formId}-password`}>{t('activate.password')}</label>
        <input
          id={`${formId}-password`}
          name="new-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p className="field-hint">{t('activate.passwordHint')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${formId}-repeat`}>{t('activate.repeat')}</label>
        <input
          id={`${formId}-repeat`}
          name="repeat-password"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
        />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? t('activate.submitting') : t('activate.submit')}
      </button>
      <Link to="/" className="back-link">
        ‹ {t('activate.backToLogin')}
      </Link>
    </form>
  );
}
