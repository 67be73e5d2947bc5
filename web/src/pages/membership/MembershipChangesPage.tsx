import { useState } from 'react';
import {
  applyMembershipChange,
  listMembershipChanges,
  type MembershipChange,
  type ProposeChange,
  proposeMembershipChange,
  rejectMembershipChange,
  verifyMembershipChange,
} from '../../api/membership.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField, TextField } from '../../components/FormFields.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { displayDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import type { PageProps } from '../pageProps.ts';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';

// Exits (keluar) and moves (pindah desa), on a phone: the village operator proposes with reason
// and effective date; the district verifies and the branch applies, each change a card with its
// one next step.

export const MEMBERSHIP_PATH = '/keluar-pindah';

/** Each reason the API takes (the type names every one) with its label. */
const REASON_LABELS: Record<ProposeChange['reason'], MessageKey> = {
  death: 'membership.reason.death',
  retirement_age: 'membership.reason.retirement_age',
  termination: 'membership.reason.termination',
  moved_away: 'membership.reason.moved_away',
  left_programme: 'membership.reason.left_programme',
  data_error: 'membership.reason.data_error',
  double_coverage: 'membership.reason.double_coverage',
};

function ProposeForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<ProposeChange>({
    kpj: '',
    kind: 'exit',
    reason: 'left_programme',
    effectiveDate: '',
    note: '',
  });
  const [sent, setSent] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  const set = (patch: Partial<ProposeChange>) => setForm((f) => ({ ...f, ...patch }));
  const send = () =>
    run(async () => {
      const r = await proposeMembershipChange(form);
      setSent(r.id);
      onDone();
    });
  return (
    <section className="card stack">
      <h2>{t('membership.propose')}</h2>
      <TextField
        label={t('membership.kpj')}
        value={form.kpj}
        onChange={(kpj) => set({ kpj })}
        inputMode="numeric"
      />
      <SelectField
        label={t('membership.kind')}
        value={form.kind}
        onChange={(kind) =>
          set(
            kind === 'move'
              ? { kind: 'move', reason: 'moved_away' }
              : { kind: 'exit', toVillageCode: undefined },
          )
        }
      >
        <option value="exit">{t('membership.kind.exit')}</option>
        <option value="move">{t('membership.kind.move')}</option>
      </SelectField>
      {form.kind === 'move' ? (
        <TextField
          label={t('membership.toVillage')}
          value={form.toVillageCode ?? ''}
          onChange={(toVillageCode) => set({ toVillageCode })}
        />
      ) : (
        <SelectField
          label={t('membership.reason')}
          value={form.reason}
          onChange={(reason) => set({ reason: reason as ProposeChange['reason'] })}
        >
          {Object.entries(REASON_LABELS).map(([r, label]) => (
            <option key={r} value={r}>
              {t(label)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t('membership.effective')}
        type="date"
        value={form.effectiveDate}
        onChange={(effectiveDate) => set({ effectiveDate })}
      />
      <TextField label={t('membership.note')} value={form.note} onChange={(note) => set({ note })} />
      <button type="button" className="button button-primary" disabled={busy} onClick={send}>
        {t('membership.send')}
      </button>
      {sent ? <p role="status">{t('membership.sent', { id: String(sent) })}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

function ChangeCard({
  c,
  can,
  onDone,
}: {
  c: MembershipChange;
  can: (p: string) => boolean;
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const act = (work: () => Promise<unknown>) =>
    run(async () => {
      await work();
      onDone();
    });
  const verify = c.state === 'proposed' && can('membership.verify');
  const apply = c.state === 'verified' && can('membership.apply');
  return (
    <li className="card stack" data-change={c.id}>
      <strong>
        {c.kpj} · {t(`membership.kind.${c.kind}` as MessageKey)} ·{' '}
        {t(`membership.state.${c.state}` as MessageKey)}
      </strong>
      <span>
        {t(`membership.reason.${c.reason}` as MessageKey)} · {displayDate(c.effectiveDate, language)}
        {c.kind === 'move' ? ` · ${c.regionBefore} → ${c.regionAfter}` : ''}
      </span>
      <span className="muted">
        {c.note} · {t('membership.by', { who: c.proposedBy })}
      </span>
      {verify || apply ? (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => act(() => (verify ? verifyMembershipChange(c.id) : applyMembershipChange(c.id)))}
            >
              {t(verify ? 'membership.verify' : 'membership.apply')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy || reason.trim() === ''}
              onClick={() => act(() => rejectMembershipChange(c.id, reason))}
            >
              {t('membership.reject')}
            </button>
          </div>
          <TextField label={t('membership.rejectReason')} value={reason} onChange={setReason} />
        </>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </li>
  );
}

export function MembershipChangesPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const can = (p: string) => user.permissions.includes(p);
  const { state, reload } = useLoad(
    `membership-changes:${language}`,
    async () => (await listMembershipChanges()).changes,
    onUnauthenticated,
  );
  return (
    <div className="stack">
      <PageHead title={t('membership.title')} intro={t('membership.intro')} />
      {can('membership.propose') ? <ProposeForm onDone={reload} /> : null}
      <LoadView state={state} retry={reload}>
        {(changes) =>
          changes.length === 0 ? (
            <p className="muted">{t('membership.empty')}</p>
          ) : (
            <ul className="stack plain-list">
              {changes.map((c) => (
                <ChangeCard key={c.id} c={c} can={can} onDone={reload} />
              ))}
            </ul>
          )
        }
      </LoadView>
    </div>
  );
}
