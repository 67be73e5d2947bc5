// Reports and dashboards (issue 7): the branch report, the district and branch dashboards, the
// workforce behind Universal Coverage Jamsostek, and every one of them as CSV, XLSX or PDF.
export { branchDashboard } from './branch-dashboard.ts';
export { type BranchReport, branchReport } from './branch-report.ts';
export { type DistrictDashboard, districtDashboard } from './district-dashboard.ts';
export { exportBranchDashboard, exportBranchReport, exportDistrictDashboard } from './report-exports.ts';
export type { ReportFormat } from './report-files.ts';
export { listWorkforce, setWorkforce } from './workforce.ts';
