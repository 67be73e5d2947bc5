// The body of a year's agreement (PKS) between the Belu district and the branch, as
// createAgreement and POST /agreements take it: valid over the calendar year, signed by the Bupati
// and the head of the Atambua branch. Shared by the integration and browser tests.
import type { AgreementInput } from '../../src/services/create-agreement.ts';
import { BELU_SIGNATORIES } from '../../src/services/demo/agreement.ts';

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
    signatories: BELU_SIGNATORIES,
    legalBasis: ['Perbup Belu 12/2025'],
  };
}
