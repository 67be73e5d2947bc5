// Service level of a claim: the due date by the rules (src/rules/klaim/batas-layanan.ts), counted
// from the office date (WITA) the documents became complete, due at the end of that day.

import type { IsoDate } from '../../rules/calendar.ts';
import { Explainer } from '../../rules/explanation.ts';
import { batasLayanan } from '../../rules/klaim/batas-layanan.ts';
import { officeDate } from '../clock.ts';
import { ruleBook } from '../rule-book.ts';
import type { ClaimProgram } from './catalog.ts';

/** The due instant: the end of the n-th working day (WITA, UTC+8) after the documents were complete. */
export function slaDue(program: ClaimProgram, completeAt: string): { dueDate: IsoDate; dueAt: string } {
  const dueDate = batasLayanan(new Explainer(ruleBook().book), program, officeDate(completeAt));
  return { dueDate, dueAt: new Date(`${dueDate}T23:59:59+08:00`).toISOString() };
}
