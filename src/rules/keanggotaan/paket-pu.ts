// Which programmes a wage earner's (PU) registration carries (issue 13 point 4). Pure: the caller
// passes the employer's kind and scale and the programmes asked for.
//
// - Private employers (regulations.md §1.2): JKK, JKM and JHT always; JP compulsory for medium and
//   large employers (micro and small may leave it out); JKP optional (PP 37/2021).
// - Non-ASN workers of a government employer (regulations.md §5): central and regional government
//   must enrol and budget their Non-ASN workers (Inpres 2/2021; Permendagri APBD guidelines
//   27/2021, 84/2022, 15/2023). WHICH programmes is NOT fixed in the sources read (§5, status U).
//   We take the package regions use in practice as the minimum, JKK + JKM, and leave JHT and JP
//   to the government employer's choice. When a source fixes the set, change it here only.

export type EmployerScale = 'micro' | 'small' | 'medium' | 'large';

export interface PuPackageRequest {
  isGovernment: boolean;
  scale: EmployerScale;
  jht: boolean;
  jp: boolean;
  jkp: boolean;
}

export type PuPackage =
  | { kind: 'ok'; programs: string[]; nonAsn: boolean }
  | { kind: 'refused'; field: 'jht' | 'jp'; code: 'JHT_REQUIRED' | 'JP_REQUIRED' };

export function puPackage(r: PuPackageRequest): PuPackage {
  if (!r.isGovernment) {
    if (!r.jht) return { kind: 'refused', field: 'jht', code: 'JHT_REQUIRED' };
    if (!r.jp && (r.scale === 'medium' || r.scale === 'large'))
      return { kind: 'refused', field: 'jp', code: 'JP_REQUIRED' };
  }
  const programs = [
    'JKK',
    'JKM',
    ...(r.jht ? ['JHT'] : []),
    ...(r.jp ? ['JP'] : []),
    ...(r.jkp ? ['JKP'] : []),
  ];
  return { kind: 'ok', programs, nonAsn: r.isGovernment };
}
