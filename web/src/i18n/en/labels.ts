import type { labelsId } from '../id/labels.ts';

// English names of the codes the server sends; keys match ../id/labels.ts exactly.
export const labelsEn: Record<keyof typeof labelsId, string> = {
  'label.segment.PU': 'Wage earner (PU)',
  'label.segment.BPU': 'Non-wage earner (BPU)',
  'label.segment.JAKON': 'Construction services (Jakon)',
  'label.segment.PMI': 'Indonesian migrant worker (PMI)',
  'label.funding.SELF': 'Self-paid',
  'label.funding.EMPLOYER': 'Employer',
  'label.funding.APBN': 'APBN (state budget)',
  'label.funding.APBD': 'APBD (regency budget)',
  'label.funding.APBDES': 'APBDes (village budget)',
  'label.funding.CSR': 'CSR (corporate social responsibility)',
  'label.program.JKK': 'Work accident insurance',
  'label.program.JKM': 'Death insurance',
  'label.program.JHT': 'Old-age savings',
  'label.program.JP': 'Pension',
  'label.program.JKP': 'Job-loss insurance',
};
