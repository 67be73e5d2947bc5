import { useEffect, useState } from 'react';
import { getRegion } from '../api/regions.ts';
import type { RegionResponse } from '../api/types.ts';
import type { Language } from '../i18n/language.ts';

export type RegionState =
  | { status: 'loading' }
  | { status: 'loaded'; data: RegionResponse }
  | { status: 'failed'; error: unknown };

/** Loads a region; reloads when the code or the language (API messages) changes, or on retry. */
export function useRegion(code: string, language: Language, attempt: number): RegionState {
  const [state, setState] = useState<RegionState>({ status: 'loading' });
  useEffect(() => {
    // `language` and `attempt` are read so that a change in either refetches.
    void language;
    void attempt;
    let cancelled = false;
    setState((previous) => (previous.status === 'loaded' ? previous : { status: 'loading' }));
    getRegion(code).then(
      (data) => {
        if (!cancelled) setState({ status: 'loaded', data });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [code, language, attempt]);
  return state;
}
