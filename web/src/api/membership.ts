import { api, type Body, call, type Schema } from './client.ts';

// Membership exits and moves: the village operator proposes, the district verifies, the branch
// applies (src/http/routes/membership-changes.ts, docs/membership.md).

export type MembershipChange = Schema<'MembershipChange'>;
export type ProposeChange = Body<'/api/v1/membership-changes', 'post'>;

export const listMembershipChanges = () => call(api.GET('/api/v1/membership-changes', {}));

export const proposeMembershipChange = (body: ProposeChange) =>
  call(api.POST('/api/v1/membership-changes', { body }));

export const verifyMembershipChange = (id: number) =>
  call(api.POST('/api/v1/membership-changes/{id}/verify', { params: { path: { id } } }));

export const applyMembershipChange = (id: number) =>
  call(api.POST('/api/v1/membership-changes/{id}/apply', { params: { path: { id } } }));

export const rejectMembershipChange = (id: number, reason: string) =>
  call(api.POST('/api/v1/membership-changes/{id}/reject', { params: { path: { id } }, body: { reason } }));
