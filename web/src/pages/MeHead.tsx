import { PageHead } from '../components/PageHead.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ME_PATH } from './MeRoutes.tsx';

/** The head of a participant's list page: back to the card, the eyebrow and the title. */
export function MeHead({ title }: { title: string }) {
  const { t } = useI18n();
  return <PageHead back={ME_PATH} backLabel={t('me.back')} eyebrow={t('me.eyebrow')} title={title} />;
}
