import type { Actor, Deps } from '../../src/services/actor.ts';
import { addClaimDocument, decideClaim, fileClaim, submitClaim } from '../../src/services/claims/index.ts';
import type { FileClaimInput } from '../../src/services/claims/schemas.ts';
import { approvePayoutBatch, createPayoutBatch, getPayoutBatch } from '../../src/services/payouts/index.ts';
import { sendPayoutBatch } from './pay-claims.ts';

// Claims and payout batches for the access table, made by the claims and payouts services: the
// maker files and documents, the checker decides, the branch batches, approves and exports.

const BELU = '53.04';

const JKM_DOCS = [
  'kartu_kpj',
  'ktp_peserta',
  'ktp_ahli_waris',
  'akta_kematian',
  'kartu_keluarga',
  'surat_ahli_waris',
  'buku_rekening',
];

const pdf = (docType: string) => Buffer.from(`%PDF-1.4\n% ${docType}\n%%EOF\n`);

function jkmClaim(kpj: string): FileClaimInput {
  return {
    kpj,
    program: 'JKM',
    kind: 'kematian',
    eventDate: '2026-11-28',
    eventDetail: { cause: 'sakit' },
    claimant: { relation: 'pasangan', name: 'Maria Bete', nik: '5304015506800001' },
    bank: { code: '002', account: '0012345678901', holder: 'Maria Bete' },
  };
}

export async function documentedClaim(deps: Deps, officer: Actor, kpj: string) {
  const filed = await fileClaim(deps, officer, jkmClaim(kpj));
  let docId = 0;
  if (filed.status === 'filed')
    for (const docType of JKM_DOCS)
      docId = (
        await addClaimDocument(deps, officer, filed.id, {
          docType,
          fileName: `${docType}.pdf`,
          bytes: pdf(docType),
        })
      ).id;
  return { id: filed.id, status: filed.status, docId };
}

/** A claim of the participant taken through the maker and checker steps to the wanted status. */
export async function claimAt(
  deps: Deps,
  a: { officer: Actor; supervisor: Actor },
  kpj: string,
  to: 'submitted' | 'approved' | 'rejected',
) {
  const c = await documentedClaim(deps, a.officer, kpj);
  if (c.status === 'rejected') {
    if (to === 'rejected') return c;
    throw new Error(`claim for ${kpj} refused at filing`);
  }
  const s = await submitClaim(deps, a.officer, c.id);
  if (s.status === 'rejected' && to === 'rejected') return c;
  if (s.status !== 'submitted') throw new Error(`claim ${c.id} not submitted: ${s.status}`);
  if (to === 'approved') await decideClaim(deps, a.supervisor, c.id, { approve: true });
  if (to === 'rejected')
    await decideClaim(deps, a.supervisor, c.id, { approve: false, reasonCode: 'DOCUMENTS_INVALID' });
  return c;
}

export async function payoutBatches(deps: Deps, a: { officer: Actor; supervisor: Actor }, kpjs: string[]) {
  const approved: number[] = [];
  for (const kpj of kpjs) approved.push((await claimAt(deps, a, kpj, 'approved')).id);
  const batch = async (claimId: number) =>
    (await createPayoutBatch(deps, a.officer, { regencyCode: BELU, claimIds: [claimId] })).id;
  const draft = await batch(approved[0]!);
  const approvedBatch = await batch(approved[1]!);
  const exported = await batch(approved[2]!);
  for (const id of [approvedBatch, exported]) {
    const b = await approvePayoutBatch(deps, a.supervisor, id, {
      declaredCount: 1,
      declaredTotalRp: 42_000_000,
    });
    if (b.status !== 'approved') throw new Error(`payout batch ${id} not approved`);
  }
  await sendPayoutBatch(deps, a.officer, exported);
  // The bank's answer to the exported batch: its one payout paid.
  const sent = await getPayoutBatch(deps, a.officer, exported);
  const bankResult = Buffer.from(
    'batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n' +
      `${sent.batch.number},${sent.payouts[0]!.id},PAID,2026-12-02,TRX-9,42000000\r\n`,
  );
  return {
    batches: { draft, approved: approvedBatch, exported },
    unbatchedClaimId: approved[3]!,
    bankResult,
  };
}
