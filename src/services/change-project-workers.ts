import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import { insertPersonsIfNew, type PersonInput, personProblems } from '../db/employers.ts';
import {
  activateCoveredProjectWorkers,
  listProjectChanges,
  listProjectInvoices,
} from '../db/project-invoices.ts';
import {
  addProjectWorkers,
  listProjects as listProjectRows,
  listProjectWorkers,
  removeProjectWorkers,
} from '../db/projects.ts';
import { PersonName } from '../hygiene.ts';
import { maskPerson } from '../privacy/mask.ts';
import { isValidDate } from '../rules/calendar.ts';
import { employerAccess, requireInScope, requirePermission } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { officeDate } from './clock.ts';
import { countedKeysetPage } from './keyset-page.ts';
import { type FieldProblem, fieldErrors, parseInput } from './list-employers.ts';

const isoDate = z.string().refine(isValidDate, 'DATE_INVALID');

export const WorkerChangeInput = z.strictObject({
  add: z
    .array(
      z.strictObject({
        nik: z.string().trim(),
        fullName: PersonName.optional(),
        birthDate: isoDate.optional(),
        sex: z.enum(['L', 'P']).optional(),
      }),
    )
    .max(5000)
    .default([]),
  /** Taken off before the project's end: coverage ends on leftOn (default: today). */
  remove: z
    .array(z.strictObject({ nik: z.string().trim(), leftOn: isoDate.optional() }))
    .max(5000)
    .default([]),
});
export type WorkerChangeInput = z.input<typeof WorkerChangeInput>;

export async function projectWorkers(deps: Deps, actor: Actor, projectId: number) {
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
  return (await listProjectWorkers(deps.db, projectId)).map((w) => (unmasked ? w : maskPerson(w)));
}

/** Projects in the caller's scope (the file list allows no separate list-projects.ts). */
export async function listProjects(
  deps: Deps,
  actor: Actor,
  q: { limit?: number; cursor?: string | null } = {},
) {
  requirePermission(actor, 'employers.read');
  const page = await countedKeysetPage(
    Math.min(q.limit ?? 50, 500),
    q.cursor,
    (limit, afterId) => listProjectRows(deps.db, employerAccess(actor), { limit, afterId }),
    (p) => p.id,
  );
  return { total: page.total, projects: page.rows, nextCursor: page.nextCursor };
}

export async function showProject(deps: Deps, actor: Actor, projectNumber: string) {
  requirePermission(actor, 'employers.read');
  const project = await requireInScope(deps.db, actor, 'project', projectNumber.toUpperCase());
  return {
    project,
    invoices: await listProjectInvoices(deps.db, project.id),
    changes: await listProjectChanges(deps.db, project.id),
    workers: await projectWorkers(deps, actor, project.id),
  };
}

function duplicates(niks: readonly string[], field: string): FieldProblem[] {
  return niks.flatMap((n, i) =>
    niks.indexOf(n) !== i ? [{ field: `${field}.${i}.nik`, code: 'DUPLICATE_IN_FILE' }] : [],
  );
}

/**
 * Adds and removes a project's workers: each added worker is a person (created when new, with
 * the enrolment's NIK rules) and a JAKON participant covered from the project's start to its end
 * once the project's premium invoice is paid (waiting, status 'verified', until then).
 */
export async function changeProjectWorkers(
  deps: Deps,
  actor: Actor,
  projectNumber: string,
  input: WorkerChangeInput,
) {
  requirePermission(actor, 'employees.manage');
  const c = parseInput(WorkerChangeInput, input);
  const project = await requireInScope(deps.db, actor, 'project', projectNumber.toUpperCase());
  const at = deps.clock.now();
  const today = officeDate(at);
  const people: PersonInput[] = c.add.map((a) => ({
    nik: a.nik,
    fullName: a.fullName ?? null,
    birthDate: a.birthDate ?? null,
    sex: a.sex ?? null,
  }));
  const leftOn = c.remove.map((r) => r.leftOn ?? today);
  const problems: FieldProblem[] = [
    ...duplicates(
      c.add.map((a) => a.nik),
      'add',
    ),
    ...duplicates(
      c.remove.map((r) => r.nik),
      'remove',
    ),
    ...(await personProblems(deps.db, people)).flatMap((list, i) =>
      list.map((p) => ({ field: `add.${i}.${p.split(':')[0]}`, code: p.split(':')[1]! })),
    ),
    ...leftOn.flatMap((d, i) =>
      d < project.startDate || d > project.endDate
        ? [
            {
              field: `remove.${i}.leftOn`,
              code: 'DATE_INVALID',
              message: 'leftOn: within the project period',
            },
          ]
        : [],
    ),
  ];
  if (problems.length > 0) throw fieldErrors(problems);
  return deps.db.transaction(async (tx) => {
    await insertPersonsIfNew(tx, people, at);
    const base = { projectId: project.id, today, actor: actor.username, at };
    const added = await addProjectWorkers(tx, {
      projectId: project.id,
      people,
      at,
      kpjYear: Number(today.slice(0, 4)),
    });
    // Cover starts only once the project's premium is paid (Permenakertrans 44/2015 Pasal 3-4:
    // the certificate follows the form and the first payment); until then the workers wait.
    await activateCoveredProjectWorkers(tx, { projectId: project.id, today, actor: actor.username, at });
    const removed = await removeProjectWorkers(tx, { ...base, niks: c.remove.map((r) => r.nik), leftOn });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'project.workers',
      entity: 'construction_project',
      entityId: String(project.id),
      regionCode: project.regionCode,
      after: {
        projectNumber: project.projectNumber,
        added,
        removed,
        unchanged: c.add.length - added + (c.remove.length - removed),
      },
    });
    return { added, removed, unchanged: c.add.length - added + (c.remove.length - removed) };
  });
}
