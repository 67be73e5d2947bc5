// Claim documents: PDF, JPEG or PNG recognised by their first bytes (never by the name), at most
// 10 MB, stored once by SHA-256, served only within the claim's scope.
import { createHash } from 'node:crypto';
import { recordAudit } from '../../db/audit.ts';
import {
  findClaimDocumentFile,
  insertClaimDocument,
  presentDocumentTypes,
} from '../../db/claim-documents.ts';
import type { ClaimRow } from '../../db/claim-reads.ts';
import { markDocumentsComplete, recordDocumentEvent } from '../../db/claims.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { can, requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { type ClaimProgram, DOCUMENT_TYPES, requiredDocuments } from './catalog.ts';
import { slaDue } from './sla.ts';

export const DOCUMENT_LIMIT_BYTES = 10 * 1024 * 1024;

const MAGIC: { type: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type from the content's signature, or null for anything else (an .exe named .pdf). */
export function sniffMediaType(bytes: Uint8Array) {
  return MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b))?.type ?? null;
}

export function checklist(c: Pick<ClaimRow, 'program' | 'kind' | 'eventDetail'>, present: Set<string>) {
  return requiredDocuments(c.program as ClaimProgram, c.kind, c.eventDetail.reason as string | undefined).map(
    (docType) => ({ docType, label: DOCUMENT_TYPES[docType]!, present: present.has(docType) }),
  );
}

export async function missingDocuments(q: Queryable, c: ClaimRow): Promise<string[]> {
  return checklist(c, await presentDocumentTypes(q, c.id))
    .filter((x) => !x.present)
    .map((x) => x.docType);
}

export interface DocumentInput {
  docType: string;
  fileName: string;
  bytes: Buffer;
}

export async function addClaimDocument(deps: Deps, actor: Actor, claimId: number, input: DocumentInput) {
  requirePermission(actor, 'claims.file');
  await requireInScope(deps.db, actor, 'claim', claimId);
  if (input.bytes.length > DOCUMENT_LIMIT_BYTES) throw new AppError('DOCUMENT_TOO_LARGE', { limitMb: 10 });
  const mediaType = input.bytes.length > 0 ? sniffMediaType(input.bytes) : null;
  if (!mediaType) throw new AppError('DOCUMENT_TYPE_NOT_ALLOWED');
  if (!DOCUMENT_TYPES[input.docType]) throw new AppError('DOCUMENT_KIND_UNKNOWN', { docType: input.docType });
  const fileName = input.fileName.trim().slice(0, 200) || `${input.docType}`;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return deps.db.transaction(async (tx) => {
    const c = await requireInScope(tx, actor, 'claim', claimId, { lock: true });
    if (c.status !== 'filed' && c.status !== 'appealed') {
      throw new AppError('CLAIM_STATE', { number: c.number, status: c.status });
    }
    const at = deps.clock.now();
    const documentId = await insertClaimDocument(tx, {
      claimId: c.id,
      regencyCode: c.regencyCode,
      docType: input.docType,
      fileName,
      sha256,
      mediaType,
      bytes: input.bytes,
      uploadedBy: actor.username,
      at,
    });
    const missing = await missingDocuments(tx, c);
    let slaDueAt = c.slaDueAt;
    if (missing.length === 0 && c.documentsCompleteAt === null) {
      slaDueAt = slaDue(c.program as ClaimProgram, at).dueAt;
      await markDocumentsComplete(tx, c.id, at, slaDueAt);
    }
    await recordDocumentEvent(
      tx,
      { claimId: c.id, status: c.status, note: `${input.docType}: ${fileName} (${sha256.slice(0, 12)})` },
      { actor: actor.username, at },
    );
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'claim.document',
      entity: 'claim',
      entityId: String(c.id),
      regionCode: c.regionCode,
      after: {
        documentId,
        docType: input.docType,
        sha256,
        mediaType,
        sizeBytes: input.bytes.length,
      },
    });
    return { id: documentId, sha256, mediaType, missing, slaDueAt };
  });
}

/** The stored file of one document of a claim in the caller's scope. */
export async function getClaimDocument(deps: Deps, actor: Actor, claimId: number, documentId: number) {
  const self = actor.role === 'participant' && can(actor, 'claims.file');
  if (!can(actor, 'claims.read') && !self) throw new AppError('FORBIDDEN');
  await requireInScope(deps.db, actor, 'claim', claimId);
  const row = await findClaimDocumentFile(deps.db, claimId, documentId);
  if (!row) throw new AppError('NOT_FOUND');
  return { fileName: row.fileName, mediaType: row.mediaType, bytes: Buffer.from(row.content) };
}
