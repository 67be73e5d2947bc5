import { type FormEvent, useEffect, useRef, useState } from 'react';
import { findForIntake, type IntakeParticipant } from '../../api/claims.ts';
import type { ParticipantStatus } from '../../api/reports.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Facts } from '../../components/Facts.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { maskDigits, safeDate } from '../ClaimStatus.tsx';
import { useMembershipCatalog } from '../useCatalogs.ts';

// Intake finds the participant by NIK, KPJ or name (heirs often come without the card): one
// match is taken at once, several are offered to choose from, each with its KPJ and village.

export function ParticipantLookup({
  onFound,
  initialKpj = '',
}: {
  onFound: (p: IntakeParticipant | null) => void;
  /** A KPJ handed over by the participant page (`?kpj=`): looked up at once. */
  initialKpj?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initialKpj);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [matches, setMatches] = useState<IntakeParticipant[]>([]);
  const first = useRef(initialKpj);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the KPJ the page opened with
  useEffect(() => {
    if (first.current) void lookUp(first.current);
    first.current = '';
  }, []);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void lookUp(text);
  }

  async function lookUp(typed: string) {
    const wanted = typed.trim();
    if (wanted.length < 3) return setError(t('intake.searchRequired'));
    setBusy(true);
    setError(null);
    onFound(null);
    try {
      const found = (await findForIntake(wanted)).participants;
      setMatches(found.length > 1 ? found : []);
      if (found.length === 0) setError(t('intake.notFound', { q: wanted }));
      if (found.length === 1) onFound(found[0]!);
    } catch (caught) {
      setError(caught);
      setMatches([]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <form className="filter-form" onSubmit={search} noValidate>
        <TextField label={t('intake.search')} autoComplete="off" value={text} onChange={setText} />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('intake.find')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
      {matches.length > 0 ? (
        <ul className="intake-matches" aria-label={t('intake.matches')}>
          {matches.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setMatches([]);
                  onFound(m);
                }}
              >
                {m.fullName} · KPJ {m.kpj} · {m.villageName}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ParticipantSummary({ participant }: { participant: IntakeParticipant }) {
  const { t, language } = useI18n();
  const known: readonly string[] = useMembershipCatalog()?.statuses ?? [];
  return (
    <Facts
      className="participant-summary"
      aria-label={t('intake.participant')}
      items={[
        { label: t('intake.name'), value: participant.fullName },
        { label: 'KPJ', value: participant.kpj },
        { label: 'NIK', value: maskDigits(participant.nik), valueClass: 'mono' },
        { label: t('intake.birthDate'), value: safeDate(participant.birthDate, language) },
        { label: t('intake.village'), value: participant.villageName },
        {
          label: t('intake.memberStatus'),
          value: (
            <>
              {known.includes(participant.status)
                ? t(`participant.status.${participant.status as ParticipantStatus}`)
                : participant.status}{' '}
              · {safeDate(participant.statusSince, language)}
            </>
          ),
        },
        { label: t('intake.programs'), value: participant.programs.join(', ') },
      ]}
    />
  );
}
