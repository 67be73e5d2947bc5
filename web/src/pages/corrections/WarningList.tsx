import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/id.ts';

const KNOWN = ['POSSIBLE_DUPLICATE', 'NEEDS_BRANCH_REVIEW', 'NIK_REGION_UNKNOWN'];

/** A correction's review notes ('field:CODE') in the reader's language. */
export function WarningList({ warnings }: { warnings: readonly string[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings">
      {warnings.map((w) => {
        const code = w.split(':')[1] ?? w;
        return <li key={w}>{KNOWN.includes(code) ? t(`corrections.warning.${code}` as MessageKey) : w}</li>;
      })}
    </ul>
  );
}
