import type { membershipId } from '../id/membership.ts';

// English strings of membership exits and moves (keys match ../id/membership.ts).

export const membershipEn: Record<keyof typeof membershipId, string> = {
  'nav.membership': 'Exits & moves',
  'membership.title': 'Exits and village moves',
  'membership.intro':
    'The village operator proposes workers who leave or move to another village; the district verifies; the branch applies.',
  'membership.propose': 'Propose a change',
  'membership.kpj': 'KPJ number',
  'membership.kind': 'Kind',
  'membership.kind.exit': 'Exit',
  'membership.kind.move': 'Move to another village',
  'membership.reason': 'Reason',
  'membership.reason.death': 'Death',
  'membership.reason.retirement_age': 'Retirement age',
  'membership.reason.termination': 'Resignation / termination',
  'membership.reason.moved_away': 'Moved away',
  'membership.reason.left_programme': 'Left the programme',
  'membership.reason.data_error': 'Data error',
  'membership.reason.double_coverage': 'Double coverage',
  'membership.effective': 'Effective date',
  'membership.toVillage': 'Receiving village code',
  'membership.note': 'Note',
  'membership.send': 'Send proposal',
  'membership.sent': 'Proposal {id} sent.',
  'membership.empty': 'No exits or moves proposed yet.',
  'membership.state.proposed': 'Proposed',
  'membership.state.verified': 'Verified',
  'membership.state.applied': 'Applied',
  'membership.state.rejected': 'Rejected',
  'membership.verify': 'Verify',
  'membership.apply': 'Apply',
  'membership.reject': 'Reject',
  'membership.rejectReason': 'Reason for rejecting',
  'membership.by': 'by {who}',
};
