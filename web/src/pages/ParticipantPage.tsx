import { participantPage } from '../api/participants.ts';
import { FullViewNotice } from '../components/FullViewNotice.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ParticipantActions } from './participant/ParticipantActions.tsx';
import {
  ClaimsSection,
  ContributionsSection,
  CoverageSection,
  IdentitySection,
  MembershipsSection,
  participantStatus,
} from './participant/ParticipantSections.tsx';
import { PARTICIPANTS_PATH } from './participant/paths.ts';
import { useLoad } from './useLoad.ts';

// One participant (issue 15, point 1): who, which memberships, covered when, billed and paid what,
// which claims, and what happened when; from here staff print the card and the activation letter
// and start a claim. Reached from every list that names a participant (`/peserta/{kpj}`).

export function ParticipantPage({ kpj, onUnauthenticated }: { kpj: string; onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(
    `participant:${kpj}:${language}`,
    () => participantPage(kpj),
    onUnauthenticated,
  );
  return (
    <div className="stack participant-page">
      <LoadView state={state} retry={reload}>
        {(page) => (
          <>
            <PageHead
              back={PARTICIPANTS_PATH}
              backLabel={t('ppage.back')}
              level={t('ppage.level')}
              code={page.participant.kpj}
              title={page.participant.fullName}
            >
              <p>
                <span className={`badge badge-participant-${page.participant.status}`}>
                  {participantStatus(page.participant.status, t)}
                </span>{' '}
                <span className="muted">
                  {t('participants.since', { date: formatDate(page.participant.statusSince, language) })}
                </span>
              </p>
            </PageHead>
            <FullViewNotice shown={page.personalDataInFull} />
            <ParticipantActions page={page} onChanged={reload} onUnauthenticated={onUnauthenticated} />
            <IdentitySection page={page} />
            <CoverageSection page={page} />
            {page.contributions ? <ContributionsSection contributions={page.contributions} /> : null}
            {page.claims ? <ClaimsSection claims={page.claims} /> : null}
            <MembershipsSection page={page} />
          </>
        )}
      </LoadView>
    </div>
  );
}
