import { useState } from 'react';
import { registerWorkUnit, type WorkUnit } from '../../api/employers.ts';
import { FormCard, SubmitButton } from '../../components/Card.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';

// The work units (OPD) of a government employer, where its Non-ASN workers serve (issue 13 point 4),
// and, for who may manage its workers, a form to add one.
export function WorkUnitsCard({
  npp,
  units,
  canManage,
  onAdded,
}: {
  npp: string;
  units: WorkUnit[];
  canManage: boolean;
  onAdded: () => void;
}) {
  const { t, language } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit() {
    if (busy) return;
    if (!code.trim() || !name.trim()) return setError(t('form.required'));
    await run(async () => {
      await registerWorkUnit(npp, { code: code.trim(), name: name.trim() });
      setCode('');
      setName('');
      onAdded();
    });
  }

  const list =
    units.length === 0 ? (
      <p className="muted">{t('workUnit.empty')}</p>
    ) : (
      <DataTable
        caption={t('workUnit.title')}
        rows={units}
        rowKey={(u) => u.id}
        columns={(c) => [
          c.text('code', t('workUnit.code'), (u) => u.code, { className: 'mono', rowHeader: true }),
          c.text('name', t('workUnit.name'), (u) => u.name),
          c.num('active', t('workUnit.active'), (u) => formatCount(u.activeEmployees, language)),
        ]}
      />
    );
  if (!canManage) return list;
  return (
    <FormCard title={t('workUnit.title')} intro={t('workUnit.intro')} onSubmit={submit} after={list}>
      <div className="form-grid">
        <TextField label={t('workUnit.code')} placeholder="DINKES" value={code} onChange={setCode} />
        <TextField label={t('workUnit.name')} placeholder="Dinas Kesehatan" value={name} onChange={setName} />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitButton busy={busy}>{t('workUnit.submit')}</SubmitButton>
    </FormCard>
  );
}
