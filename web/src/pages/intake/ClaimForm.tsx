import { type FormEvent, useId, useState } from 'react';
import { type ClaimCatalog, type ClaimStep, fileClaim } from '../../api/claims.ts';
import type { Participant } from '../../api/types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link, navigate } from '../../router.tsx';
import { claimPath } from '../ClaimQueuePage.tsx';
import { pick } from '../ClaimStatus.tsx';
import { useAction } from '../useAction.ts';
import { BankFields } from './BankFields.tsx';
import { ClaimantFields } from './ClaimantFields.tsx';
import { type ClaimDraft, claimBody, draftFacts, initialDraft, withProgram } from './claimDraft.ts';
import { EventFields } from './EventFields.tsx';

/** The claim itself: event, claimant, bank; saved as filed (or refused by the membership rules). */
export function ClaimForm({ participant, catalog }: { participant: Participant; catalog: ClaimCatalog }) {
  const { t, language } = useI18n();
  const id = useId();
  const programs = catalog.programs.filter((p) => participant.programs.includes(p));
  const [draft, setDraft] = useState<ClaimDraft>(() => initialDraft(programs));
  const { busy, error, setError, run } = useAction();
  const [refused, setRefused] = useState<ClaimStep | null>(null);
  const facts = draftFacts(draft, catalog);
  const set = <K extends keyof ClaimDraft>(field: K, value: ClaimDraft[K]) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = claimBody(draft, facts, participant);
    if ('error' in checked) return setError(t(checked.error));
    setRefused(null);
    await run(async () => {
      const step = await fileClaim(checked.body);
      if (step.status === 'filed') navigate(claimPath('maker', step.id));
      else setRefused(step);
    });
  }

  const { kind } = facts;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <EventFields
        draft={draft}
        set={set}
        facts={facts}
        programs={programs}
        onProgram={(program) => setDraft((previous) => withProgram(previous, program, catalog))}
      />
      <ClaimantFields
        draft={draft}
        set={set}
        selfClaim={facts.selfClaim}
        participant={participant}
        catalog={catalog}
      />
      <BankFields draft={draft} set={set} banks={catalog.banks} />
      {kind ? (
        <section className="card stack" aria-labelledby={`${id}-docs`}>
          <h2 id={`${id}-docs`}>{t('intake.documents')}</h2>
          <p className="muted">{t('intake.documentsLater')}</p>
          <ul className="doc-preview">
            {kind.documents.map((d) => (
              <li key={d}>
                {pick(catalog.documentTypes.find((x) => x.docType === d)?.label, language) || d}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        <Icon name="claim" />
        {busy ? t('intake.saving') : t('intake.submit')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
      {refused ? (
        <div className="alert stack" role="alert">
          <p>{t('intake.refused', { number: refused.number, reason: pick(refused.refusal, language) })}</p>
          <Link to={claimPath('maker', refused.id)}>{t('intake.openClaim')}</Link>
        </div>
      ) : null}
    </form>
  );
}
