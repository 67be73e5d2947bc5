import { downloadFile } from '../api/client.ts';
import { villageCardsUrl } from '../api/participants.ts';
import type { Region, User } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAction } from '../pages/useAction.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Icon } from './Icon.tsx';

/** The roles that print cards: those who see names (services/actor.ts SEES_PERSONAL_DATA). */
const CARD_PRINTERS: readonly string[] = ['village_operator', 'branch_officer', 'branch_supervisor'];

/** "Cetak kartu" on a village's screen: every active participant's card on A4 sheets. */
export function VillageCardsButton({ region, user }: { region: Region; user: User }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  if (region.level !== 'village' || !CARD_PRINTERS.includes(user.role)) return null;
  if (!user.permissions.includes('participants.read')) return null;
  return (
    <section className="card stack village-cards" aria-labelledby="village-cards">
      <h2 id="village-cards">{t('ppage.villageCards')}</h2>
      <p className="note">{t('ppage.villageCardsNote')}</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() =>
          run(() => downloadFile(villageCardsUrl(region.code), `kartu-peserta-${region.code}.pdf`))
        }
      >
        <Icon name="download" />
        {t('ppage.printCard')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
