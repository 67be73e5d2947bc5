import { useState } from 'react';
import { decideCorrection, listCorrections, type PersonCorrection } from '../api/corrections.ts';
import { Card, SuccessNote } from '../components/Card.tsx';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { Facts } from '../components/Facts.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { RejectForm } from '../components/RejectForm.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/id.ts';
import type { PageProps } from './pageProps.ts';
import { useLoad } from './useLoad.ts';

export const CORRECTIONS_PATH = '/koreksi-data';

type Field = 'fullName' | 'birthDate' | 'sex' | 'nik';
const FIELDS: readonly Field[] = ['fullName', 'birthDate', 'sex', 'nik'];

function Change({ c }: { c: PersonCorrection }) {
  const { t, language } = useI18n();
  const shown = (f: Field, v: string | undefined) => {
    if (v === undefined) return '';
    if (f === 'sex' && (v === 'L' || v === 'P')) return t(`sex.${v}`);
    if (f === 'birthDate' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, language);
    return v;
  };
  return (
    <ul className="plain-list">
      {FIELDS.filter((f) => c.new[f] !== undefined).map((f) => (
        <li key={f}>
          {t(`corrections.field.${f}` as MessageKey)}: <s>{shown(f, c.old[f])}</s> →{' '}
          <b>{shown(f, c.new[f])}</b>
        </li>
      ))}
    </ul>
  );
}

function CorrectionCard(props: {
  c: PersonCorrection;
  canDecide: boolean;
  me: string;
  onDecided: (message: string) => void;
}) {
  const { t } = useI18n();
  const { c } = props;
  const decide = async (approve: boolean, note?: string) => {
    await decideCorrection(c.id, approve, note);
    props.onDecided(t(approve ? 'corrections.approved' : 'corrections.rejected', { id: c.id }));
  };
  return (
    <Card title={`#${c.id} · ${c.kpj} · ${c.villageName}`}>
      <Change c={c} />
      <Facts
        items={[
          { label: t('corrections.reason'), value: c.reason },
          { label: t('corrections.evidence'), value: c.evidenceNote },
          { label: t('corrections.proposedBy'), value: c.proposedBy },
        ]}
      />
      {!props.canDecide ? null : c.proposedBy === props.me ? (
        <p className="muted">{t('corrections.own')}</p>
      ) : (
        <div className="button-row">
          <ConfirmAction
            label={t('corrections.approve')}
            question={t('corrections.approveQuestion', { id: c.id })}
            confirmLabel={t('corrections.approve')}
            onConfirm={() => decide(true)}
          />
          <RejectForm onReject={(reason) => decide(false, reason)} />
        </div>
      )}
    </Card>
  );
}

/** The approver's queue: pending corrections in the caller's scope, approve or reject each. */
export function CorrectionsPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const { state, reload } = useLoad(language, () => listCorrections('pending'), onUnauthenticated);
  return (
    <div className="stack corrections-page">
      <h1>{t('corrections.title')}</h1>
      <p className="muted">{t('corrections.intro')}</p>
      <SuccessNote>{message}</SuccessNote>
      <LoadView state={state} retry={reload}>
        {(data) =>
          data.corrections.length === 0 ? (
            <p className="muted">{t('corrections.empty')}</p>
          ) : (
            data.corrections.map((c) => (
              <CorrectionCard
                key={c.id}
                c={c}
                canDecide={data.canDecide}
                me={user.username}
                onDecided={(m) => {
                  setMessage(m);
                  reload();
                }}
              />
            ))
          )
        }
      </LoadView>
    </div>
  );
}
