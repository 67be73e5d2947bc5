import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T; reloading?: boolean }
  | { status: 'failed'; error: unknown };

/**
 * Runs `load` whenever `key` changes (put the language in it: API messages are translated) or
 * `reload()` is called. A new key (another filter, date or year) drops the old data at once, so no
 * figures of the last filter stand under the new heading while it loads (issue 15 point 6); a
 * reload of the same key keeps them on screen marked `reloading` (a form inside stays as it is).
 * A 401 ends the session through `onUnauthenticated`.
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
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    void key;
    void attempt;
    let cancelled = false;
    const sameKey = loadedKey.current === key;
    setState((previous) =>
      previous.status === 'loaded' && sameKey ? { ...previous, reloading: true } : { status: 'loading' },
    );
    loadRef.current().then(
      (data) => {
        if (cancelled) return;
        loadedKey.current = key;
        setState({ status: 'loaded', data });
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
