import { useState } from 'react';
import {
  batchReportUrl,
  listBatches,
  submitBatch,
  TEMPLATE_CSV_URL,
  TEMPLATE_XLSX_URL,
} from '../api/enrolment.ts';
import type { Batch, UploadResult, User } from '../api/types.ts';
import { BatchDates, BatchStatusBadge } from '../components/BatchStatus.tsx';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { Stats } from '../components/Facts.tsx';
import { Icon } from '../components/Icon.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { isVillageCode, type VillageChoice, VillagePicker } from '../components/VillagePicker.tsx';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BatchRows } from './enrolment/BatchRows.tsx';
import { UploadCard, UploadResultCard } from './enrolment/UploadCard.tsx';
import { useLoad } from './useLoad.ts';

interface EnrolmentPageProps {
  user: User;
  onUnauthenticated: () => void;
}

function TemplateCard() {
  const { t } = useI18n();
  return (
    <section className="card stack" aria-labelledby="template-title">
      <h2 id="template-title">{t('enrolment.template.title')}</h2>
      <p>{t('enrolment.template.text')}</p>
      <div className="button-row">
        <a className="button button-secondary" href={TEMPLATE_XLSX_URL} download>
          <Icon name="download" />
          {t('enrolment.template.xlsx')}
        </a>
        <a className="button button-secondary" href={TEMPLATE_CSV_URL} download>
          <Icon name="download" />
          {t('enrolment.template.csv')}
        </a>
      </div>
    </section>
  );
}

function DraftCard({
  draft,
  canSubmit,
  showReport,
  onSubmitted,
}: {
  draft: Batch | undefined;
  canSubmit: boolean;
  /** False right after an upload: the result above already offers the report. */
  showReport: boolean;
  onSubmitted: () => void;
}) {
  const { t, language } = useI18n();
  return (
    <section className="card stack" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('enrolment.draft.title')}</h2>
      {draft ? (
        <>
          <div className="batch-head">
            <span className="batch-id">{t('batch.number', { id: draft.id })}</span>
            <BatchStatusBadge status={draft.status} />
          </div>
          <Stats
            aria-label={t('enrolment.result.counts')}
            plain
            items={[
              {
                label: t('batch.count.valid'),
                value: formatCount(draft.valid, language),
                tone: 'stat-valid',
              },
              {
                label: t('enrolment.count.invalid'),
                value: formatCount(draft.invalid, language),
                tone: 'stat-invalid',
              },
            ]}
          />
          <BatchDates batch={draft} />
          {draft.invalid > 0 ? (
            <>
              <p className="muted">{t('enrolment.draft.invalidNote')}</p>
              {showReport ? (
                <a className="button button-secondary" href={batchReportUrl(draft.id)} download>
                  <Icon name="download" />
                  {t('enrolment.report.download')}
                </a>
              ) : null}
            </>
          ) : null}
          {canSubmit && draft.valid > 0 ? (
            <ConfirmAction
              label={t('enrolment.submit')}
              question={t('enrolment.submit.confirm', { count: formatCount(draft.valid, language) })}
              confirmLabel={t('enrolment.submit.yes')}
              onConfirm={async () => {
                await submitBatch(draft.id);
                onSubmitted();
              }}
            />
          ) : null}
        </>
      ) : (
        <p className="muted">{t('enrolment.draft.none')}</p>
      )}
    </section>
  );
}

function BatchHistory({ batches }: { batches: Batch[] }) {
  const { t, language } = useI18n();
  return (
    <section className="stack" aria-labelledby="history-title">
      <h2 id="history-title">{t('enrolment.history.title')}</h2>
      {batches.length === 0 ? (
        <p className="muted">{t('enrolment.history.none')}</p>
      ) : (
        <ul className="batch-list" aria-labelledby="history-title">
          {batches.map((batch) => (
            <li key={batch.id} className="batch-item">
              <div className="batch-head">
                <span className="batch-id">{t('batch.number', { id: batch.id })}</span>
                <BatchStatusBadge status={batch.status} />
              </div>
              <p>{t('batch.validCount', { count: formatCount(batch.valid, language) })}</p>
              <BatchDates batch={batch} />
              {batch.status === 'rejected' && batch.rejectReason ? (
                <p className="reject-reason">{t('batch.rejectReason', { reason: batch.rejectReason })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EnrolmentPage({ user, onUnauthenticated }: EnrolmentPageProps) {
  const { t, language } = useI18n();
  const home = user.homeRegion;
  const fixed: VillageChoice | null = isVillageCode(home) ? { code: home, name: user.scope.name } : null;
  const [picked, setPicked] = useState<VillageChoice | null>(null);
  const village = fixed ?? picked;
  const [result, setResult] = useState<UploadResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { state, reload } = useLoad(language, () => listBatches(), onUnauthenticated);

  const batches =
    state.status === 'loaded' && village ? state.data.filter((b) => b.villageCode === village.code) : [];
  const draft = batches.find((b) => b.status === 'draft');
  const earlier = batches.filter((b) => b !== draft);
  const villageName = batches[0]?.villageName ?? village?.name;

  return (
    <div className="stack enrolment-page">
      <PageHead title={t('enrolment.title')}>
        {fixed && villageName ? (
          <p className="eyebrow-strong">{t('enrolment.villageFixed', { name: villageName })}</p>
        ) : null}
        <p className="muted">{t('enrolment.intro')}</p>
      </PageHead>
      {!fixed && home ? (
        <VillagePicker
          home={home}
          value={picked}
          onChange={(choice) => {
            setPicked(choice);
            setResult(null);
            setNotice(null);
          }}
        />
      ) : null}
      <TemplateCard />
      <UploadCard
        village={village}
        onUnauthenticated={onUnauthenticated}
        onUploaded={(uploaded) => {
          setResult(uploaded);
          setNotice(null);
          reload();
        }}
      />
      {result ? <UploadResultCard result={result} /> : null}
      {notice ? (
        <p className="success" role="status">
          {notice}
        </p>
      ) : null}
      {village ? (
        <LoadView state={state} retry={reload}>
          {() => (
            <>
              <DraftCard
                draft={draft}
                canSubmit={user.permissions.includes('enrolment.submit')}
                showReport={result === null}
                onSubmitted={() => {
                  setResult(null);
                  setNotice(t('enrolment.submit.done'));
                  reload();
                }}
              />
              {draft && user.permissions.includes('enrolment.upload') ? (
                <BatchRows
                  key={draft.id}
                  batch={draft}
                  onChanged={reload}
                  onUnauthenticated={onUnauthenticated}
                />
              ) : null}
              <BatchHistory batches={earlier} />
            </>
          )}
        </LoadView>
      ) : null}
    </div>
  );
}
