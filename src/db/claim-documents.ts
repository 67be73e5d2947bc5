// Claim documents: the files, kept once per content (document_blob), and which claim holds which.
import type { Queryable } from './types.ts';

/** The document types already present on a claim. */
export async function presentDocumentTypes(q: Queryable, claimId: number): Promise<Set<string>> {
  const r = await q.query<{ docType: string }>(
    `SELECT DISTINCT doc_type AS "docType" FROM claim_document WHERE claim_id = $1`,
    [claimId],
  );
  return new Set(r.rows.map((x) => x.docType));
}

/** Stores the file (once per SHA-256) and the claim's document row; returns the document id. */
export async function insertClaimDocument(
  q: Queryable,
  d: {
    claimId: number;
    regencyCode: string;
    docType: string;
    fileName: string;
    sha256: string;
    mediaType: string;
    bytes: Buffer;
    uploadedBy: string;
    at: string;
  },
): Promise<number> {
  await q.query(
    `INSERT INTO document_blob (sha256, media_type, size_bytes, content) VALUES ($1, $2, $3, $4)
     ON CONFLICT (sha256) DO NOTHING`,
    [d.sha256, d.mediaType, d.bytes.length, d.bytes],
  );
  const doc = await q.query<{ id: number }>(
    `INSERT INTO claim_document (claim_id, regency_code, doc_type, file_name, sha256, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [d.claimId, d.regencyCode, d.docType, d.fileName, d.sha256, d.uploadedBy, d.at],
  );
  return doc.rows[0]!.id;
}

/** A type, not an interface: it is returned where an open record is expected. */
export type ClaimDocumentRow = {
  id: number;
  docType: string;
  fileName: string;
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
};

export async function claimDocuments(q: Queryable, claimId: number) {
  const r = await q.query<ClaimDocumentRow>(
    `SELECT d.id, d.doc_type AS "docType", d.file_name AS "fileName", d.sha256, b.media_type AS "mediaType",
            b.size_bytes AS "sizeBytes", d.uploaded_by AS "uploadedBy", d.uploaded_at AS "uploadedAt"
     FROM claim_document d JOIN document_blob b ON b.sha256 = d.sha256 WHERE d.claim_id = $1 ORDER BY d.id`,
    [claimId],
  );
  return r.rows;
}

/** One stored file of the claim, or null. */
export async function findClaimDocumentFile(q: Queryable, claimId: number, documentId: number) {
  const r = await q.query<{ fileName: string; mediaType: string; content: Uint8Array }>(
    `SELECT d.file_name AS "fileName", b.media_type AS "mediaType", b.content
     FROM claim_document d JOIN document_blob b ON b.sha256 = d.sha256 WHERE d.id = $1 AND d.claim_id = $2`,
    [documentId, claimId],
  );
  return r.rows[0] ?? null;
}
