import { useId, useState } from 'react';
import {
  type ClaimDetail,
  claimDocumentUrl,
  DOCUMENT_ACCEPT,
  DOCUMENT_LIMIT_BYTES,
  uploadClaimDocument,
} from '../api/claims.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Icon } from '../components/Icon.tsx';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { pick, safeDateTime } from './ClaimStatus.tsx';

// The claim's document checklist: one file input per required document while the claim is
// open to documents (filed, appealed), and the uploaded files with download links. The
// server recognises PDF/JPEG/PNG by content; its message is shown when it refuses a file.

function ChecklistItem({
  claimId,
  docType,
  label,
  present,
  canUpload,
  onUploaded,
}: {
  claimId: number;
  docType: string;
  label: string;
  present: boolean;
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function upload(file: File | undefined, input: HTMLInputElement) {
    if (!file) return;
    if (file.size > DOCUMENT_LIMIT_BYTES) {
      setError(t('docs.tooLarge'));
      input.value = '';
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await uploadClaimDocument(claimId, docType, file);
      onUploaded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      input.value = '';
    }
  }

  return (
    <li className={`checklist-item${present ? ' checklist-done' : ''}`} data-doc={docType}>
      <div className="checklist-row">
        <span className="checklist-mark" aria-hidden="true">
          {present ? '✓' : '○'}
        </span>
        <span className="checklist-label">{label}</span>
        <span className={`badge ${present ? 'doc-present' : 'doc-missing'}`}>
          {present ? t('docs.present') : t('docs.missing')}
        </span>
      </div>
      {canUpload ? (
        <div className="field">
          <label htmlFor={`${id}-file`} className="visually-hidden">
            {t('docs.fileFor', { label })}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept={DOCUMENT_ACCEPT}
            disabled={busy}
            aria-label={t('docs.fileFor', { label })}
            onChange={(event) => upload(event.target.files?.[0], event.target)}
          />
          {busy ? <span className="muted">{t('docs.uploading')}</span> : null}
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </li>
  );
}

export function ClaimDocuments({
  claim,
  canUpload,
  onChanged,
}: {
  claim: ClaimDetail;
  canUpload: boolean;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const open = canUpload && (claim.status === 'filed' || claim.status === 'appealed');
  const done = claim.checklist.filter((c) => c.present).length;
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('docs.title')}</h2>
      <p className="muted" role="status">
        {t('docs.progress', {
          done: formatCount(done, language),
          total: formatCount(claim.checklist.length, language),
        })}
        {open ? ` ${t('docs.accepted')}` : ''}
      </p>
      <ul className="checklist">
        {claim.checklist.map((c) => (
          <ChecklistItem
            key={c.docType}
            claimId={claim.id}
            docType={c.docType}
            label={pick(c.label, language)}
            present={c.present}
            canUpload={open}
            onUploaded={onChanged}
          />
        ))}
      </ul>
      {claim.documents.length ? (
        <DataTable
          className="document-table"
          caption={t('docs.uploaded', { count: formatCount(claim.documents.length, language) })}
          rows={claim.documents}
          rowKey={(d) => d.id}
          columns={(c) => [
            c.text(
              'type',
              t('docs.type'),
              (d) => pick(claim.checklist.find((c) => c.docType === d.docType)?.label, language) || d.docType,
              { rowHeader: true },
            ),
            c.text('file', t('docs.file'), (d) => (
              <>
                <a className="inline-action" href={claimDocumentUrl(claim.id, d.id)} download>
                  <Icon name="download" />
                  {d.fileName}
                </a>
                <span className="muted"> · {formatCount(Math.ceil(d.sizeBytes / 1024), language)} KB</span>
              </>
            )),
            c.text('uploadedBy', t('docs.uploadedBy'), (d) => (
              <>
                {d.uploadedBy} · {safeDateTime(d.uploadedAt, language)}
              </>
            )),
          ]}
        />
      ) : null}
    </section>
  );
}
