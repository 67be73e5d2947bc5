// The body of a year's agreement (PKS) between the Belu district and the branch, as
// createAgreement and POST /agreements take it: valid over the calendar year, signed by the Bupati
// and the head of the Atambua branch. Shared by the integration and browser tests.
import type { AgreementInput } from '../../src/services/create-agreement.ts';

export function yearAgreement(a: {
  number: string;
  title: string;
  year: number;
  signedOn: string;
}): AgreementInput {
  return {
    number: a.number,
    title: a.title,
    regencyCode: '53.04',
    signedOn: a.signedOn,
    validFrom: `${a.year}-01-01`,
    validTo: `${a.year}-12-31`,
    signatories: [
      { name: 'Bupati Belu', position: 'Bupati', office: 'Pemerintah Kabupaten Belu', party: 'regency' },
      {
        name: 'Kepala Kantor Cabang',
        position: 'Kepala Kantor Cabang',
        office: 'BPJS Ketenagakerjaan Cabang Belu Atambua',
        party: 'branch',
      },
    ],
    legalBasis: ['Perbup Belu 12/2025'],
  };
}
