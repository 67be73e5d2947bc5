import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * Shows the API's own (already translated) message, or a message of ours given as a string;
 * anything else (network down, a bug) gets the generic load failure.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  let message = t('app.loadFailed');
  if (typeof error === 'string') message = error;
  else if (error instanceof ApiError && error.message) message = error.message;
  return (
    <p className="alert" role="alert">
      {message}
    </p>
  );
}
