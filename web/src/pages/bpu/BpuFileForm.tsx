import { useState } from 'react';
import { fieldProblems, uploadBpuFile } from '../../api/bpu.ts';
import { ApiError } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { FormCard, SubmitCancel } from '../../components/Card.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAction } from '../useAction.ts';
import { problemText } from './problem-text.ts';

// The registration file a village or an agent hands in (CSV, one worker a row). The server checks
// every row before it registers any: a refusal names each wrong row, column and why, shown here
// as a table the operator fixes the file from.

export type BpuFileResult = Awaited<ReturnType<typeof uploadBpuFile>>;

interface RowProblem {
  row: number | null;
  column: string;
  text: string;
}

/** `row 3: nik` + NIK_FORMAT → row 3, column nik, the problem in the chosen language. */
function rowProblems(error: unknown, t: ReturnType<typeof useI18n>['t']): RowProblem[] {
  return fieldProblems(error).map((d) => {
    const match = /^row (\d+): (.+)$/.exec(d.field);
    const column = match ? match[2]! : d.field;
    return { row: match ? Number(match[1]) : null, column, text: problemText(t, d.code, d.message, column) };
  });
}

export function BpuFileForm({
  user,
  onDone,
  onCancel,
  onUnauthenticated,
}: {
  user: User;
  onDone: (result: BpuFileResult) => void;
  onCancel: () => void;
  onUnauthenticated: () => void;
}) {
  const { t, language } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [agentName, setAgentName] = useState('');
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const { busy, error, setError, run } = useAction(onUnauthenticated);
  const area = user.homeRegion ?? '';

  async function submit() {
    if (busy) return;
    setProblems([]);
    if (!file) return setError(t('bpu.file.required'));
    await run(async () => {
      try {
        const csv = await file.text();
        const agent = agentName.trim();
        onDone(await uploadBpuFile({ regionCode: area, csv, ...(agent ? { agentName: agent } : {}) }));
      } catch (caught) {
        const found = rowProblems(caught, t);
        setProblems(found);
        if (found.length > 0 && caught instanceof ApiError) {
          throw new ApiError(
            caught.status,
            caught.code,
            t('bpu.file.refused', { count: formatCount(found.length, language) }),
          );
        }
        throw caught;
      }
    });
  }

  return (
    <FormCard
      title={t('bpu.file.title')}
      intro={t('bpu.file.intro')}
      onSubmit={submit}
      after={
        problems.length > 0 ? (
          <DataTable
            className="problem-table"
            caption={t('bpu.file.problems')}
            rows={problems}
            rowKey={(p) => `${p.row}-${p.column}-${p.text}`}
            columns={(c) => [
              c.text('row', t('bpu.file.row'), (p) => p.row ?? '—', { rowHeader: true }),
              c.text('column', t('bpu.file.column'), (p) => p.column, { className: 'mono' }),
              c.text('problem', t('bpu.file.problem'), (p) => p.text),
            ]}
          />
        ) : null
      }
    >
      <p className="muted">{t('bpu.file.area', { code: area })}</p>
      <div className="field">
        <label htmlFor="bpu-file">{t('bpu.file.label')}</label>
        <input
          id="bpu-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <TextField
        label={t('bpu.file.agent')}
        maxLength={120}
        autoComplete="off"
        value={agentName}
        onChange={setAgentName}
      />
      {error ? <ErrorMessage error={error} /> : null}
      <SubmitCancel busy={busy} onCancel={onCancel}>
        {busy ? t('bpu.file.saving') : t('bpu.file.submit')}
      </SubmitCancel>
    </FormCard>
  );
}
