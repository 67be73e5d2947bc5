import { useState } from 'react';
import { downloadFile } from '../../api/client.ts';
import { issueActivationCode, type ParticipantPage, participantCardUrl } from '../../api/participants.ts';
import { SuccessNote } from '../../components/Card.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { CLAIM_NEW_PATH } from '../ClaimQueuePage.tsx';
import { useAction } from '../useAction.ts';

// What staff do from a participant's page: print the card, print (or reprint) the activation
// letter with a new code, issue a code alone, and start a claim with the KPJ filled in. The
// server says which of these the caller may do (`actions`).

export function ParticipantActions({
  page,
  onChanged,
  onUnauthenticated,
}: {
  page: ParticipantPage;
  /** The account state changed (a code was issued): reload the page. */
  onChanged: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const { busy, error, run } = useAction(onUnauthenticated);
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const { participant: p, actions, account } = page;
  const any = actions.printCard || actions.activationLetter || actions.fileClaim;
  if (!any && p.status === 'active') return null;

  const cardButton = (
    <button
      type="button"
      className="button"
      disabled={busy}
      onClick={() => run(() => downloadFile(participantCardUrl(p.kpj), `kartu-peserta-${p.kpj}.pdf`))}
    >
      <Icon name="download" />
      {t('ppage.printCard')}
    </button>
  );
  const letterButton = (
    <button
      type="button"
      className="button button-secondary"
      disabled={busy}
      onClick={() =>
        run(async () => {
          await downloadFile(
            `/api/v1/participants/${p.id}/activation-letter`,
            `surat-aktivasi-${p.kpj}.pdf`,
            'POST',
          );
          setCode(null);
          onChanged();
        })
      }
    >
      <Icon name="download" />
      {account === 'none' ? t('ppage.letter') : t('ppage.letterAgain')}
    </button>
  );
  const codeButton = (
    <button
      type="button"
      className="button button-secondary"
      disabled={busy}
      onClick={() =>
        run(async () => {
          const issued = await issueActivationCode(p.id);
          setCode({ code: issued.code, expiresAt: issued.expiresAt });
          onChanged();
        })
      }
    >
      {t('ppage.newCode')}
    </button>
  );
  return (
    <section className="card stack participant-actions" aria-labelledby="participant-actions">
      <h2 id="participant-actions">{t('ppage.actions')}</h2>
      {p.status !== 'active' ? <p className="muted">{t('ppage.notActive')}</p> : null}
      <div className="button-row">
        {actions.printCard ? cardButton : null}
        {actions.activationLetter ? letterButton : null}
        {actions.activationLetter ? codeButton : null}
        {actions.fileClaim ? (
          <Link to={`${CLAIM_NEW_PATH}?kpj=${encodeURIComponent(p.kpj)}`} className="button button-secondary">
            {t('ppage.fileClaim')}
          </Link>
        ) : null}
      </div>
      {actions.activationLetter ? <p className="note">{t('ppage.letterNote')}</p> : null}
      {code ? (
        <SuccessNote>
          {t('ppage.codeShown', {
            code: code.code,
            date: formatDate(code.expiresAt.slice(0, 10), language),
          })}
        </SuccessNote>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
