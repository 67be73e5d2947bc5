import { useEffect, useRef, useState } from 'react';
import { getRegion } from '../api/regions.ts';
import type { RegionResponse } from '../api/types.ts';
import type { Language } from '../i18n/language.ts';

export type RegionState =
  | { status: 'loading' }
  | { status: 'loaded'; data: RegionResponse }
  | { status: 'failed'; error: unknown };

/**
 * Loads a region; reloads when the code or the language (API messages) changes, or on retry.
 * Another region drops the old one's figures at once (no old data under the new name).
 */
export function useRegion(code: string, language: Language, attempt: number): RegionState {
  const [state, setState] = useState<RegionState>({ status: 'loading' });
  const loadedCode = useRef<string | null>(null);
  useEffect(() => {
    // `language` and `attempt` are read so that a change in either refetches.
    void language;
    void attempt;
    let cancelled = false;
    const sameRegion = loadedCode.current === code;
    setState((previous) => (previous.status === 'loaded' && sameRegion ? previous : { status: 'loading' }));
    getRegion(code).then(
      (data) => {
        if (cancelled) return;
        loadedCode.current = code;
        setState({ status: 'loaded', data });
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
