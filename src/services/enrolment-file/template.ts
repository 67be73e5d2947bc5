import ExcelJS from 'exceljs';
import { COLUMNS, type ColumnField } from './columns.ts';
import { ENROLMENT_FILE_MAX_ROWS } from './parse.ts';
import { styleHeader } from './styles.ts';
import { writeInstructions } from './template-instructions.ts';

/** The last row the template prepares (header is row 1). */
const LAST_TEMPLATE_ROW = ENROLMENT_FILE_MAX_ROWS + 1;

function columnLetter(field: ColumnField): string {
  return String.fromCharCode(65 + COLUMNS.findIndex((c) => c.field === field));
}

function rangeOf(field: ColumnField): string {
  const letter = columnLetter(field);
  return `${letter}2:${letter}${LAST_TEMPLATE_ROW}`;
}

// exceljs's typings omit the worksheet's data validations although the runtime has them.
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

function addValidations(sheet: ExcelJS.Worksheet): void {
  const validations = (sheet as WithValidations).dataValidations;
  validations.add(rangeOf('nik'), {
    type: 'textLength',
    operator: 'equal',
    formulae: [16],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: 'NIK',
    prompt: 'Tulis 16 angka NIK sesuai KTP, tanpa spasi. Kolom ini berformat Teks.',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'NIK tidak valid',
    error: 'NIK harus tepat 16 angka.',
  });
  validations.add(rangeOf('sex'), {
    type: 'list',
    formulae: ['"L,P"'],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: 'Jenis Kelamin',
    prompt: 'L = laki-laki, P = perempuan.',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Jenis kelamin tidak valid',
    error: 'Pilih L atau P.',
  });
  validations.add(rangeOf('birthDate'), {
    type: 'date',
    operator: 'between',
    formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: 'Tanggal Lahir',
    prompt: 'Tulis TTTT-BB-HH, misalnya 1990-06-05.',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Tanggal tidak valid',
    error: 'Tulis tanggal yang benar, misalnya 1990-06-05.',
  });
}

function addParticipantSheet(workbook: ExcelJS.Workbook): void {
  // No example row here: whatever is in this sheet gets enrolled.
  const sheet = workbook.addWorksheet('Peserta', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.id, key: c.field, width: c.widthChars }));
  // Text format on the whole column, so Excel keeps all 16 digits of a NIK and the 0 of 08…
  sheet.getColumn('nik').numFmt = '@';
  sheet.getColumn('phone').numFmt = '@';
  sheet.getColumn('birthDate').numFmt = 'yyyy-mm-dd';
  styleHeader(sheet.getRow(1));
  addValidations(sheet);
}

function csvField(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** An empty enrolment file to fill in: XLSX with instructions, or CSV with a commented example. */
export async function enrolmentTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  if (format === 'csv') {
    const header = COLUMNS.map((c) => csvField(c.id)).join(',');
    const example = COLUMNS.map((c) => csvField(c.example)).join(',');
    // BOM: without it Excel reads UTF-8 as the local code page.
    return Buffer.from(`\uFEFF${header}\r\n# contoh: ${example}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lindung';
  addParticipantSheet(workbook);
  writeInstructions(workbook.addWorksheet('Petunjuk'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
