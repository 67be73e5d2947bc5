import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: unknown };

/**
 * Runs `load` whenever `key` changes (put the language in it: API messages are translated) or
 * `reload()` is called. The previous data stays on screen while a reload runs. A 401 ends the
 * session through `onUnauthenticated`.
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
  onUnauthenticated: () => void,
): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const unauthenticatedRef = useRef(onUnauthenticated);
  unauthenticatedRef.current = onUnauthenticated;

  useEffect(() => {
    void key;
    void attempt;
    let cancelled = false;
    setState((previous) => (previous.status === 'loaded' ? previous : { status: 'loading' }));
    loadRef.current().then(
      (data) => {
        if (!cancelled) setState({ status: 'loaded', data });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) unauthenticatedRef.current();
        else setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, attempt]);

  return { state, reload: () => setAttempt((n) => n + 1) };
}
