// English strings of the draft batch's rows (the Indonesian original is ../id/batch-rows.ts).
import type { batchRowsId } from '../id/batch-rows.ts';

export const batchRowsEn: Record<keyof typeof batchRowsId, string> = {
  'batchRows.title': 'Rows in the batch',
  'batchRows.intro':
    'Check every worker before submitting. Correct a wrong row here without uploading the file again, or remove a person who is no longer being enrolled.',
  'batchRows.caption': 'Rows of batch {id}',
  'batchRows.row': 'Row',
  'batchRows.state': 'State',
  'batchRows.state.valid': 'Valid',
  'batchRows.state.invalid': 'Needs correction',
  'batchRows.state.kept': 'Already in the batch',
  'batchRows.actions': 'Actions',
  'batchRows.edit': 'Edit row {row}',
  'batchRows.edit.title': 'Correct row {row}',
  'batchRows.edit.save': 'Save and check',
  'batchRows.edit.saved': 'Row {row} saved and checked again: {state}.',
  'batchRows.edit.sex.L': 'L (male)',
  'batchRows.edit.sex.P': 'P (female)',
  'batchRows.birthDateHint': 'For example: 1990-06-05 or 05/06/1990',
  'batchRows.remove': 'Remove row {row}',
  'batchRows.remove.question': 'Remove row {row} ({name}) from the batch?',
  'batchRows.remove.yes': 'Yes, remove',
  'batchRows.removed': 'Row {row} removed from the batch.',
  'batchRows.none': 'This batch holds no rows yet.',
  'batchRows.noValid': 'No valid rows yet: correct the rows below before submitting.',
};
