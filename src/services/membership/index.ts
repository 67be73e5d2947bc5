export { endMembershipsOfPaidClaims } from './end-by-claims.ts';
export { listMembershipChanges } from './list-membership-changes.ts';
export { proposeMembershipChange } from './propose-membership-change.ts';
export {
  applyMembershipChange,
  rejectMembershipChange,
  verifyMembershipChange,
} from './step-membership-change.ts';
