import { getBatchBudgetCheck } from '../../api/budget.ts';
import type { Batch } from '../../api/types.ts';
import { BatchBudgetPanel } from '../../components/BudgetWarnings.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useLoad } from '../useLoad.ts';

/** Verification: the batch's payer budget and quota for the year, loaded with the batch. */
export function BudgetCheck({
  batch,
  acknowledged,
  onAcknowledge,
  onUnauthenticated,
}: {
  batch: Batch;
  acknowledged: boolean;
  onAcknowledge: ((value: boolean) => void) | null;
  onUnauthenticated: () => void;
}) {
  const { language } = useI18n();
  const { state, reload } = useLoad(
    `budget:${batch.id}:${batch.status}:${language}`,
    () => getBatchBudgetCheck(batch.id),
    onUnauthenticated,
  );
  return (
    <LoadView state={state} retry={reload}>
      {(check) => (
        <BatchBudgetPanel
          check={check}
          fallbackName={batch.villageName}
          acknowledged={acknowledged}
          onAcknowledge={onAcknowledge}
        />
      )}
    </LoadView>
  );
}
