import { type FormEvent, useEffect, useRef, useState } from 'react';
import { listParticipants } from '../../api/participants.ts';
import type { ParticipantStatus } from '../../api/reports.ts';
import type { Participant } from '../../api/types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Facts } from '../../components/Facts.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { maskDigits, safeDate } from '../ClaimStatus.tsx';
import { useMembershipCatalog } from '../useCatalogs.ts';

export function ParticipantLookup({
  onFound,
  initialKpj = '',
}: {
  onFound: (p: Participant | null) => void;
  /** A KPJ handed over by the participant page (`?kpj=`): looked up at once. */
  initialKpj?: string;
}) {
  const { t } = useI18n();
  const [kpj, setKpj] = useState(initialKpj);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const first = useRef(initialKpj);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the KPJ the page opened with
  useEffect(() => {
    if (first.current) void lookUp(first.current);
    first.current = '';
  }, []);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void lookUp(kpj);
  }

  async function lookUp(typed: string) {
    const wanted = typed.replace(/\D/g, '');
    if (!wanted) return setError(t('intake.kpjRequired'));
    setBusy(true);
    setError(null);
    try {
      const page = await listParticipants({ region: null, q: wanted, cursor: null });
      const found = page.participants.find((p) => p.kpj === wanted) ?? null;
      if (!found) setError(t('intake.kpjNotFound', { kpj: wanted }));
      onFound(found);
    } catch (caught) {
      setError(caught);
      onFound(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="filter-form" onSubmit={search} noValidate>
      <TextField
        label={t('intake.kpj')}
        inputMode="numeric"
        autoComplete="off"
        value={kpj}
        onChange={setKpj}
      />
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t('intake.find')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}

export function ParticipantSummary({ participant }: { participant: Participant }) {
  const { t, language } = useI18n();
  const known: readonly string[] = useMembershipCatalog()?.statuses ?? [];
  return (
    <Facts
      className="participant-summary"
      aria-label={t('intake.participant')}
      items={[
        { label: t('intake.name'), value: participant.fullName },
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
