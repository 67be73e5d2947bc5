import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { LoadState } from '../pages/useLoad.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * Loading note, or the error with a retry button, or the loaded data rendered by `children`; while
 * the same data reloads, the loading note stands above it.
 */
export function LoadView<T>({
  state,
  retry,
  children,
}: {
  state: LoadState<T>;
  retry: () => void;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    return (
      <div className="stack">
        <ErrorMessage error={state.error} />
        <button type="button" className="button button-secondary" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return (
    <>
      {state.reloading ? <Loading /> : null}
      {children(state.data)}
    </>
  );
}

/** The loading note (announced). */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}
