import type { CommonMessageKey } from '../id/common.ts';

// English strings of roles, region levels and the region pages, page states, shared actions and person fields; keys match ../id/common.ts exactly (the type checks it).

export const commonEn: Record<CommonMessageKey, string> = {
  'role.admin': 'Administrator',
  'role.auditor': 'Auditor',
  'role.district_officer': 'District officer',
  'role.branch_officer': 'Branch officer',
  'role.branch_supervisor': 'Branch supervisor',
  'role.village_operator': 'Village operator',
  'role.employer': 'Employer',
  'role.participant': 'Participant',

  'level.province': 'Province',
  'level.regency': 'Regency/City',
  'level.district': 'Sub-district (kecamatan)',
  'level.village': 'Village',
  'kind.desa': 'Village (desa)',
  'kind.kelurahan': 'Urban village (kelurahan)',

  'region.breadcrumb': 'Region path',
  'region.code': 'Code {code}',
  'region.counts': 'Number of regions',
  'region.count.districts': 'Sub-districts',
  'region.count.desa': 'Villages (desa)',
  'region.count.kelurahan': 'Urban villages (kelurahan)',
  'region.children.districts': 'Sub-districts ({count})',
  'region.children.villages': 'Villages ({count})',
  'region.children.regencies': 'Regencies and cities ({count})',
  'region.children.none': 'This region has no regions below it.',
  'region.childSummary.districts': '{count} sub-districts',
  'region.childSummary.desa': '{count} villages',
  'region.childSummary.kelurahan': '{count} urban villages',
  'region.noHome': 'This account has no home region.',
  'region.backHome': 'Back to home region',

  'page.comingSoon': 'This feature is being prepared.',
  'page.notFound': 'Page not found.',
  'page.home': 'Go to the start page',

  'nav.membershipConflicts': 'Double memberships',
  'nav.participants': 'Participants',

  'action.cancel': 'Cancel',
  'action.back': 'Back to the list',

  'field.nik': 'NIK',
  'field.fullName': 'Full name',
  'field.birthDate': 'Birth date',
  'field.sex': 'Sex',
  'field.occupation': 'Occupation',
  'field.phone': 'Mobile number',
  'field.address': 'Address',
  'field.villageCode': 'Village code',
  'field.income': 'Monthly income',

  'privacy.fullView':
    'NIK and names are shown in full for you to check; this view is recorded in the audit log.',
};
