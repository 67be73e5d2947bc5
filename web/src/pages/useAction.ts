import { useState } from 'react';
import { ApiError } from '../api/client.ts';

/**
 * The busy flag and the error of a form's one action. `run(work)` clears the error, marks the
 * form busy while `work` runs and keeps what it throws for <ErrorMessage>; `setError` is for the
 * form's own checks before it runs. A 401 also calls `onUnauthenticated` (the session ended).
 */
export function useAction(onUnauthenticated?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(work: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onUnauthenticated?.();
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
