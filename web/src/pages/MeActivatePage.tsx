import { type FormEvent, useId, useState } from 'react';
import { activateAccount } from '../api/me.ts';
import type { User } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TextField } from '../components/FormFields.tsx';
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
      <TextField
        label={t('activate.kpj')}
        name="kpj"
        inputMode="numeric"
        autoComplete="username"
        required
        value={kpj}
        onChange={setKpj}
      />
      <TextField
        label={t('activate.code')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        required
        hint={t('activate.codeHint')}
        value={code}
        onChange={setCode}
      />
      <TextField
        label={t('activate.password')}
        name="new-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('activate.passwordHint')}
        value={password}
        onChange={setPassword}
      />
      <TextField
        label={t('activate.repeat')}
        name="repeat-password"
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={setRepeat}
      />
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
