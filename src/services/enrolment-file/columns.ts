// The columns of the enrolment file: one table shared by the parser, the template and the report,
// so a header renamed here is renamed everywhere.

export interface EnrolmentFileRow {
  /** The row number the user sees in Excel (header = row 1, first data row = 2). */
  rowNumber: number;
  nik: string;
  fullName: string;
  birthDateRaw: string;
  birthDate: string | null;
  sex: string;
  occupation: string;
  phone: string;
  address: string;
  villageCode: string;
  incomeRaw: string;
  declaredIncomeRp: number | null;
  /** The NIK cell was a number: Excel keeps 15 significant digits, so the NIK is already corrupted. */
  nikNotText: boolean;
  /** The name holds characters no name has (src/hygiene.ts isPersonName). */
  nameInvalid: boolean;
}

export interface ParsedEnrolmentFile {
  format: 'xlsx' | 'csv';
  sha256: string;
  rows: EnrolmentFileRow[];
}

export type ColumnField =
  | 'nik'
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'occupation'
  | 'phone'
  | 'address'
  | 'villageCode'
  | 'incomeRaw';

export interface ColumnDef {
  field: ColumnField;
  id: string;
  en: string;
  required: boolean;
  /** The fictional example row of the template (a woman born 5 June 1990 in Kec. Lamaknen). */
  example: string;
  widthChars: number;
}

export const COLUMNS: readonly ColumnDef[] = [
  { field: 'nik', id: 'NIK', en: 'NIK', required: true, example: '5304014506900001', widthChars: 20 },
  {
    field: 'fullName',
    id: 'Nama Lengkap',
    en: 'Full Name',
    required: true,
    example: 'Maria Goreti Bere',
    widthChars: 30,
  },
  {
    field: 'birthDate',
    id: 'Tanggal Lahir',
    en: 'Birth Date',
    required: true,
    example: '1990-06-05',
    widthChars: 14,
  },
  { field: 'sex', id: 'Jenis Kelamin', en: 'Sex', required: true, example: 'P', widthChars: 14 },
  {
    field: 'occupation',
    id: 'Pekerjaan',
    en: 'Occupation',
    required: true,
    example: 'Petani',
    widthChars: 20,
  },
  {
    field: 'phone',
    id: 'Nomor HP',
    en: 'Mobile Number',
    required: false,
    example: '081234567890',
    widthChars: 16,
  },
  {
    field: 'address',
    id: 'Alamat',
    en: 'Address',
    required: false,
    example: 'Dusun A, Desa Kewar',
    widthChars: 30,
  },
  {
    field: 'villageCode',
    id: 'Kode Desa',
    en: 'Village Code',
    required: false,
    example: '53.04.01.2001',
    widthChars: 15,
  },
  {
    field: 'incomeRaw',
    id: 'Penghasilan Sebulan',
    en: 'Monthly Income',
    required: false,
    example: '1000000',
    widthChars: 20,
  },
];

/** Case- and space-insensitive: "nama  lengkap", "FullName" and "Full Name" all match. */
function headerKey(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0_]+/g, '');
}

const FIELD_BY_HEADER = new Map<string, ColumnField>(
  COLUMNS.flatMap((c) => [
    [headerKey(c.id), c.field],
    [headerKey(c.en), c.field],
  ]),
);

export type ColumnIndex = Partial<Record<ColumnField, number>>;

/** Maps each known header to its 0-based column; the first occurrence wins. */
export function indexHeaders(headers: readonly string[]): ColumnIndex {
  const index: ColumnIndex = {};
  headers.forEach((text, col) => {
    const field = FIELD_BY_HEADER.get(headerKey(text));
    if (field !== undefined && index[field] === undefined) index[field] = col;
  });
  return index;
}

export function missingRequired(index: ColumnIndex): string[] {
  return COLUMNS.filter((c) => c.required && index[c.field] === undefined).map((c) => c.id);
}

/** How many known headers a row holds: used to find the header row under a title line. */
export function knownHeaderCount(headers: readonly string[]): number {
  return Object.keys(indexHeaders(headers)).length;
}

// Field names a validator may use for a column besides the column's own field.
const FIELD_ALIASES: Record<string, ColumnField> = {
  birthDateRaw: 'birthDate',
  declaredIncomeRp: 'incomeRaw',
  income: 'incomeRaw',
  incomeRp: 'incomeRaw',
};

/** The column header for a field named in a row error ('Tanggal Lahir' for birthDate); else the name. */
export function columnLabel(field: string, lang: 'id' | 'en'): string {
  const wanted = FIELD_ALIASES[field] ?? field;
  const col = COLUMNS.find((c) => c.field === wanted);
  return col ? col[lang] : field;
}
