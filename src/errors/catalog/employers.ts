// Error codes: Employers (PU), government work units, wages, mutations and construction projects (Jakon).
import type { CatalogEntry } from '../entry.ts';

export const EMPLOYER_ERRORS = {
  NPP_FORMAT: {
    status: 422,
    id: 'NPP harus 5–20 huruf besar atau angka.',
    en: 'The NPP must be 5–20 capital letters or digits.',
  },
  BUSINESS_TYPE_UNKNOWN: {
    status: 422,
    id: 'Jenis usaha tidak ada di tabel jenis usaha (PP 44/2015 Lampiran I).',
    en: 'Business type is not in the business-type table (PP 44/2015 Lampiran I).',
  },
  JP_REQUIRED: {
    status: 422,
    id: 'Program JP wajib bagi pemberi kerja usaha menengah dan besar.',
    en: 'JP is compulsory for medium and large employers.',
  },
  JHT_REQUIRED: {
    status: 422,
    id: 'Program JHT wajib bagi pekerja pemberi kerja swasta; hanya pegawai non-ASN pemerintah yang boleh tanpa JHT.',
    en: 'JHT is compulsory for workers of private employers; only Non-ASN government workers may go without it.',
  },
  WORK_UNIT_NOT_GOVERNMENT: {
    status: 422,
    id: 'Unit kerja (OPD) hanya ada pada pemberi kerja pemerintah daerah.',
    en: 'Work units (OPD) exist only for a government employer.',
  },
  WORK_UNIT_UNKNOWN: {
    status: 422,
    id: 'Unit kerja (OPD) tidak terdaftar pada pemberi kerja ini.',
    en: 'The work unit (OPD) is not registered for this employer.',
  },
  WAGE_INVALID: {
    status: 422,
    id: 'Upah harus angka rupiah lebih dari 0, misalnya 2500000.',
    en: 'Wage must be a rupiah amount above 0, e.g. 2500000.',
  },
  MUTATION_INVALID: {
    status: 422,
    id: 'Mutasi harus salah satu dari: masuk, keluar, perubahan upah, tetap.',
    en: 'Mutation must be one of: join, leave, wage change, none.',
  },
  NOT_EMPLOYED: {
    status: 422,
    id: 'NIK ini bukan pekerja pemberi kerja ini pada periode tersebut.',
    en: 'This NIK is not a worker of this employer in that period.',
  },
  PROJECT_NUMBER_FORMAT: {
    status: 422,
    id: 'Nomor proyek harus 3–40 huruf besar, angka, titik, garis miring atau tanda hubung.',
    en: 'Project number must be 3–40 capital letters, digits, dots, slashes or hyphens.',
  },
} as const satisfies Record<string, CatalogEntry>;
