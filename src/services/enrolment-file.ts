// The enrolment file of village vulnerable workers: parse an upload, hand out the template, and
// write the per-row report. Pure of the database; the import service does the validation.

export type { EnrolmentFileRow, ParsedEnrolmentFile } from './enrolment-file/columns.ts';
export {
  ENROLMENT_FILE_LIMIT_BYTES,
  ENROLMENT_FILE_MAX_ROWS,
  parseEnrolmentFile,
} from './enrolment-file/parse.ts';
export type { EnrolmentReportMeta, EnrolmentReportRow, EnrolmentRowIssue } from './enrolment-file/report.ts';
export { enrolmentReportXlsx } from './enrolment-file/report.ts';
export { enrolmentTemplate } from './enrolment-file/template.ts';
