import { type FormEvent, useState } from 'react';
import { correctBatchRow, getBatch, getBatchRow, removeBatchRow } from '../../api/enrolment.ts';
import type { Batch, RowFields, RowReport } from '../../api/types.ts';
import { CancelButton } from '../../components/CancelButton.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField, TextField } from '../../components/FormFields.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { IssueList } from '../../components/RowIssues.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';

// The rows of the village's draft batch: each person with what is wrong, corrected in place (the
// server checks the row as it checks a file row and replaces it) or removed before submission.

type Editable = RowFields & { rowId: number; rowNumber: number };

const TEXT_FIELDS = [
  ['nik', 'field.nik', { inputMode: 'numeric', autoComplete: 'off' }],
  ['fullName', 'field.fullName', { autoComplete: 'off' }],
  ['birthDate', 'field.birthDate', {}],
  ['occupation', 'field.occupation', {}],
  ['phone', 'field.phone', { inputMode: 'tel' }],
  ['address', 'field.address', {}],
  ['income', 'field.income', { inputMode: 'numeric' }],
] as const;

function RowForm({
  batchId,
  row,
  onDone,
  onCancel,
}: {
  batchId: number;
  row: Editable;
  onDone: (saved: RowReport) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { rowId, rowNumber, ...initial } = row;
  const [fields, setFields] = useState<RowFields>(initial);
  const { busy, error, run } = useAction();
  const set = (key: keyof RowFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    await run(async () => onDone((await correctBatchRow({ batchId, rowId }, fields)).row));
  }

  return (
    <form className="card stack row-edit" onSubmit={save} aria-labelledby={`row-edit-${rowId}`}>
      <h3 id={`row-edit-${rowId}`}>{t('batchRows.edit.title', { row: rowNumber })}</h3>
      <div className="form-grid">
        {TEXT_FIELDS.map(([key, label, attrs]) => (
          <TextField
            key={key}
            label={t(label)}
            value={fields[key]}
            onChange={set(key)}
            hint={key === 'birthDate' ? t('batchRows.birthDateHint') : undefined}
            {...attrs}
          />
        ))}
        <SelectField label={t('field.sex')} value={fields.sex} onChange={set('sex')}>
          <option value="">{t('enrolment.pick.choose')}</option>
          <option value="L">{t('batchRows.edit.sex.L')}</option>
          <option value="P">{t('batchRows.edit.sex.P')}</option>
        </SelectField>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('batchRows.edit.save')}
        </button>
        <CancelButton disabled={busy} onClick={onCancel} />
      </div>
    </form>
  );
}

/** The batch badges' colours: valid green, to correct red, merged into an earlier row grey. */
const STATE_BADGE: Record<RowReport['state'], string> = {
  valid: 'badge-activated',
  invalid: 'badge-rejected',
  kept: 'badge-draft',
  new: 'badge-draft',
  superseded: 'badge-draft',
};

function stateLabel(state: RowReport['state'], t: ReturnType<typeof useI18n>['t']): string {
  if (state === 'valid') return t('batchRows.state.valid');
  if (state === 'kept') return t('batchRows.state.kept');
  return t('batchRows.state.invalid');
}

export function BatchRows({
  batch,
  onChanged,
  onUnauthenticated,
}: {
  batch: Batch;
  /** The batch's counts changed: the page reloads its batches. */
  onChanged: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(language, () => getBatch(batch.id), onUnauthenticated);
  const [editing, setEditing] = useState<Editable | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const opening = useAction(onUnauthenticated);

  const changed = (text: string) => {
    setEditing(null);
    setNotice(text);
    reload();
    onChanged();
  };

  return (
    <section className="stack batch-rows" aria-labelledby="batch-rows-title">
      <h2 id="batch-rows-title">{t('batchRows.title')}</h2>
      <p className="muted">{t('batchRows.intro')}</p>
      {batch.valid === 0 ? <p className="alert">{t('batchRows.noValid')}</p> : null}
      {notice ? (
        <p className="success" role="status">
          {notice}
        </p>
      ) : null}
      {opening.error ? <ErrorMessage error={opening.error} /> : null}
      {editing ? (
        <RowForm
          batchId={batch.id}
          row={editing}
          onCancel={() => setEditing(null)}
          onDone={(saved) =>
            changed(t('batchRows.edit.saved', { row: saved.rowNumber, state: stateLabel(saved.state, t) }))
          }
        />
      ) : null}
      <LoadView state={state} retry={reload}>
        {({ rows }) =>
          rows.length === 0 ? (
            <p className="muted">{t('batchRows.none')}</p>
          ) : (
            <DataTable
              className="batch-rows-table"
              caption={t('batchRows.caption', { id: batch.id })}
              captionHidden
              rows={rows}
              rowKey={(row) => row.rowId}
              rowProps={(row) => ({ className: row.errors.length > 0 ? 'row-invalid' : undefined })}
              columns={(c) => [
                c.text('row', t('batchRows.row'), (row) => row.rowNumber, { rowHeader: true }),
                c.text('nik', t('field.nik'), (row) => row.nik, { className: 'mono' }),
                c.text('fullName', t('field.fullName'), (row) => row.fullName),
                c.text('birthDate', t('field.birthDate'), (row) => row.birthDate),
                c.text('state', t('batchRows.state'), (row) => (
                  <>
                    <span className={`badge ${STATE_BADGE[row.state]}`}>{stateLabel(row.state, t)}</span>
                    <IssueList errors={row.errors} warnings={row.warnings} />
                  </>
                )),
                c.text('actions', t('batchRows.actions'), (row) => (
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={opening.busy}
                      onClick={() =>
                        opening.run(async () => {
                          setNotice(null);
                          const { state: _s, ...form } = await getBatchRow({
                            batchId: batch.id,
                            rowId: row.rowId,
                          });
                          setEditing(form);
                        })
                      }
                    >
                      {t('batchRows.edit', { row: row.rowNumber })}
                    </button>
                    <ConfirmAction
                      className="button-secondary"
                      label={t('batchRows.remove', { row: row.rowNumber })}
                      question={t('batchRows.remove.question', { row: row.rowNumber, name: row.fullName })}
                      confirmLabel={t('batchRows.remove.yes')}
                      onConfirm={async () => {
                        await removeBatchRow({ batchId: batch.id, rowId: row.rowId });
                        changed(t('batchRows.removed', { row: row.rowNumber }));
                      }}
                    />
                  </div>
                )),
              ]}
            />
          )
        }
      </LoadView>
    </section>
  );
}
