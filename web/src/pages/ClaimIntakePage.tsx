import { useState } from 'react';
import type { IntakeParticipant } from '../api/claims.ts';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CLAIMS_PATH } from './ClaimQueuePage.tsx';
import { ClaimForm } from './intake/ClaimForm.tsx';
import { EarlierClaims } from './intake/EarlierClaims.tsx';
import { ParticipantLookup, ParticipantSummary } from './intake/ParticipantLookup.tsx';
import { loadClaimCatalog } from './useCatalogs.ts';
import { useLoad } from './useLoad.ts';

// Claim intake at the branch: find the participant by NIK, KPJ or name, see the person's earlier
// claims and standing refusals, say what happened and who claims,
// where the benefit goes; the claim is then saved (the rules check membership at once) and
// its document checklist opens on the claim's own page. The parts live in ./intake/.

export function ClaimIntakePage({ onUnauthenticated }: { onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const [participant, setParticipant] = useState<IntakeParticipant | null>(null);
  const { state, reload } = useLoad(`claim-kinds:${language}`, loadClaimCatalog, onUnauthenticated);
  return (
    <div className="stack claims-page">
      <PageHead back={CLAIMS_PATH} title={t('intake.title')} intro={t('intake.intro')} />
      <section className="card stack">
        <h2>{t('intake.participant')}</h2>
        <ParticipantLookup
          onFound={setParticipant}
          initialKpj={new URLSearchParams(window.location.search).get('kpj') ?? ''}
        />
        {participant ? (
          <>
            <ParticipantSummary participant={participant} />
            <EarlierClaims participant={participant} />
          </>
        ) : null}
      </section>
      {participant ? (
        <LoadView state={state} retry={reload}>
          {(catalog) => <ClaimForm key={participant.kpj} participant={participant} catalog={catalog} />}
        </LoadView>
      ) : null}
    </div>
  );
}
