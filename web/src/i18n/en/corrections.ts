import type { correctionsId } from '../id/corrections.ts';

// English strings of the corrections of a person's data (the twin of ../id/corrections.ts).

export const correctionsEn: Record<keyof typeof correctionsId, string> = {
  'nav.corrections': 'Data corrections',
  'corrections.title': 'Corrections of persons’ data',
  'corrections.intro':
    'Proposed corrections of name, birth date, sex or NIK awaiting a decision. The proposer cannot approve their own.',
  'corrections.empty': 'No corrections are pending.',
  'corrections.member': 'Member',
  'corrections.change': 'Change',
  'corrections.reason': 'Reason',
  'corrections.evidence': 'Evidence checked',
  'corrections.proposedBy': 'Proposed by',
  'corrections.approve': 'Approve',
  'corrections.approveQuestion': 'Approve correction #{id}? The person’s data changes at once.',
  'corrections.approved': 'Correction #{id} approved; the person’s data has changed.',
  'corrections.rejected': 'Correction #{id} rejected; the data is unchanged.',
  'corrections.own': 'Your own proposal',
  'corrections.field.fullName': 'Full name',
  'corrections.field.birthDate': 'Birth date',
  'corrections.field.sex': 'Sex',
  'corrections.field.nik': 'NIK',
  'corrections.open': 'Correct data',
  'corrections.form.title': 'Propose a correction for {kpj}',
  'corrections.form.intro':
    'Change only the wrong fields. Another user (the branch supervisor) checks and decides; the NIK is checked again as at enrolment.',
  'corrections.form.reason': 'Reason for the correction',
  'corrections.form.evidence': 'Evidence note (the document checked: KTP, KK, birth certificate)',
  'corrections.form.submit': 'Send proposal',
  'corrections.form.noChange': 'Change at least one field.',
  'corrections.form.required': 'Fill in the reason and the evidence note.',
  'corrections.form.done': 'Correction #{id} sent; it awaits a decision.',
  'corrections.warning.POSSIBLE_DUPLICATE':
    'Warning: same name and birth date as another person with a different NIK; needs review.',
  'corrections.warning.NEEDS_BRANCH_REVIEW':
    'Warning: needs review by the branch office (possible duplicate).',
  'corrections.warning.NIK_REGION_UNKNOWN': 'Warning: the NIK’s region code is not in today’s region list.',
};
