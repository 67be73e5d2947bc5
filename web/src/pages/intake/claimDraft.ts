import type { ClaimantRelation, ClaimCatalog, ClaimProgram, FileClaimBody } from '../../api/claims.ts';
import { IsoDate, passes } from '../../api/fields.ts';
import type { Participant } from '../../api/types.ts';
import { todayWita } from '../../format.ts';
import type { MessageKey } from '../../i18n/id.ts';

// What the intake form holds while the officer types, what follows from it (the kinds of the
// chosen programme, whether the participant claims for themself) and the request body it
// becomes, or the first thing missing. Pure, so the form components only render.

export interface ClaimDraft {
  program: ClaimProgram | '';
  kindName: string;
  eventDate: string;
  cause: string;
  accidentAt: string;
  reportedAt: string;
  reportedBy: string;
  reason: string;
  relation: ClaimantRelation | '';
  claimantName: string;
  claimantNik: string;
  heirs: ClaimantRelation[];
  bankCode: string;
  account: string;
  holder: string;
}

export type SetDraftField = <K extends keyof ClaimDraft>(field: K, value: ClaimDraft[K]) => void;

/** Programmes the participant holds; a death claim (JKM) is the usual case, so it is preselected. */
export function initialDraft(programs: readonly ClaimProgram[]): ClaimDraft {
  const program = programs.includes('JKM') ? 'JKM' : '';
  return {
    program,
    kindName: program === 'JKM' ? 'kematian' : '',
    eventDate: '',
    cause: '',
    accidentAt: '',
    reportedAt: '',
    reportedBy: '',
    reason: '',
    relation: '',
    claimantName: '',
    claimantNik: '',
    heirs: [],
    bankCode: '',
    account: '',
    holder: '',
  };
}

/** Choosing a programme picks its first kind and clears the reason. */
export function withProgram(
  draft: ClaimDraft,
  program: ClaimProgram | '',
  catalog: ClaimCatalog,
): ClaimDraft {
  const kindName = program ? (catalog.kinds.find((k) => k.program === program)?.kind ?? '') : '';
  return { ...draft, program, kindName, reason: '' };
}

export function draftFacts(draft: ClaimDraft, catalog: ClaimCatalog) {
  const { program, kindName, reason } = draft;
  const kinds = program ? catalog.kinds.filter((k) => k.program === program) : [];
  const kind = kinds.find((k) => k.kind === kindName) ?? null;
  const death = kind?.death === true || (program === 'JHT' && reason === 'death');
  const reasons =
    program === 'JKP'
      ? catalog.jkpReasons
      : program === 'JHT' && kindName === 'penuh'
        ? catalog.jhtFullReasons
        : [];
  return { kinds, kind, selfClaim: kind !== null && !death, reasons };
}

export type DraftFacts = ReturnType<typeof draftFacts>;

/** `2026-11-20T08:30` typed in WITA → `2026-11-20T08:30:00+08:00`. */
export function witaInstant(local: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : undefined;
}

type Reason = NonNullable<FileClaimBody['eventDetail']>['reason'];

/** The body to file, or the message of the first field still wrong (checked in form order). */
export function claimBody(
  draft: ClaimDraft,
  facts: DraftFacts,
  participant: Participant,
): { body: FileClaimBody } | { error: MessageKey } {
  const { program, eventDate, relation, reportedBy, bankCode, account, holder } = draft;
  const { kind, selfClaim, reasons } = facts;
  if (!program || !kind) return { error: 'intake.kindRequired' };
  if (!passes(IsoDate, eventDate)) return { error: 'intake.eventDateRequired' };
  if (eventDate > todayWita()) return { error: 'intake.eventDateFuture' };
  const claimant = selfClaim
    ? { relation: 'peserta' as const, name: participant.fullName, nik: participant.nik }
    : {
        relation: relation as ClaimantRelation,
        name: draft.claimantName.trim(),
        nik: draft.claimantNik.trim(),
      };
  if (!selfClaim && !relation) return { error: 'intake.relationRequired' };
  if (!claimant.name) return { error: 'intake.claimantNameRequired' };
  if (!/^\d{16}$/.test(claimant.nik)) return { error: 'intake.nikInvalid' };
  const accident = witaInstant(draft.accidentAt);
  const reported = witaInstant(draft.reportedAt);
  if (program === 'JKK' && (!accident || !reported || !reportedBy.trim()))
    return { error: 'intake.jkkRequired' };
  if (!bankCode) return { error: 'intake.bankRequired' };
  if (!/^\d{6,20}$/.test(account)) return { error: 'intake.accountInvalid' };
  if (!holder.trim()) return { error: 'intake.holderRequired' };
  const cause = draft.cause.trim();
  return {
    body: {
      kpj: participant.kpj,
      program,
      kind: kind.kind,
      eventDate,
      eventDetail: {
        ...(cause ? { cause } : {}),
        ...(program === 'JKK' && accident && reported
          ? { accidentAt: accident, reportedAt: reported, reportedBy: reportedBy.trim() }
          : {}),
        ...(draft.reason && reasons.length ? { reason: draft.reason as Reason } : {}),
      },
      claimant,
      ...(!selfClaim && draft.heirs.length ? { heirs: draft.heirs } : {}),
      bank: { code: bankCode, account, holder: holder.trim() },
    },
  };
}
