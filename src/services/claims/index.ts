// The claim services that routes and other services call.
export { CLAIM_KINDS, DOCUMENT_TYPES, requiredDocuments } from './catalog.ts';
export { appealClaim, decideClaim, submitClaim } from './decide-claim.ts';
export { addClaimDocument, DOCUMENT_LIMIT_BYTES, getClaimDocument } from './documents.ts';
export { fileClaim } from './file-claim.ts';
export { findForIntake } from './intake-lookup.ts';
export { claimReasons, getClaim, listClaims } from './show-claim.ts';
