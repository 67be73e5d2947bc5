// Every report as a file (issue 7 item 4): the branch report and both dashboards as CSV, XLSX
// (id-ID number formats, frozen header, sums) or PDF (A4 with the district, period and the
// date generated in WITA). The figures are the same the JSON answers carry.

import type { Actor, Deps } from '../actor.ts';
import type { ExportFile } from '../exports/table.ts';
import { branchDashboard } from './branch-dashboard.ts';
import { branchDashboardDocument } from './branch-dashboard-tables.ts';
import { type BranchReportInput, branchReport } from './branch-report.ts';
import { branchReportDocument } from './branch-report-tables.ts';
import { districtDashboard } from './district-dashboard.ts';
import { districtDashboardDocument } from './district-dashboard-tables.ts';
import { type ReportFileOptions, reportFile } from './report-files.ts';
import { freshnessNote } from './report-reads.ts';

export async function exportBranchReport(
  deps: Deps,
  actor: Actor,
  input: BranchReportInput,
  opts: ReportFileOptions,
): Promise<ExportFile> {
  const r = await branchReport(deps, actor, input);
  return reportFile({ ...branchReportDocument(r), dataNote: freshnessNote(r.freshness) }, opts);
}

export async function exportDistrictDashboard(
  deps: Deps,
  actor: Actor,
  input: { regencyCode: string; asOf: string },
  opts: ReportFileOptions,
): Promise<ExportFile> {
  const d = await districtDashboard(deps, actor, input);
  const doc = districtDashboardDocument(d, deps.clock.now());
  return reportFile({ ...doc, dataNote: freshnessNote(d.freshness) }, opts);
}

export async function exportBranchDashboard(
  deps: Deps,
  actor: Actor,
  input: { regencyCode: string; year: number },
  opts: ReportFileOptions,
): Promise<ExportFile> {
  const d = await branchDashboard(deps, actor, input);
  const doc = branchDashboardDocument(d, deps.clock.now());
  return reportFile({ ...doc, dataNote: freshnessNote(d.freshness) }, opts);
}
