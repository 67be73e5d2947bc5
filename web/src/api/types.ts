// Shapes of the lindung HTTP API (/api/v1) that the web shell reads.

export type Role =
  | 'admin'
  | 'auditor'
  | 'district_officer'
  | 'branch_officer'
  | 'branch_supervisor'
  | 'village_operator'
  | 'employer'
  | 'participant';

export type ScopeType = 'system' | 'region' | 'office';

export interface User {
  username: string;
  displayName: string;
  role: Role;
  scope: { type: ScopeType; code: string; name: string };
  homeRegion: string | null;
  permissions: string[];
}

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';
export type VillageKind = 'desa' | 'kelurahan';

export interface RegionCounts {
  districts: number;
  desa: number;
  kelurahan: number;
}

export interface RegionSummary {
  code: string;
  name: string;
  level: RegionLevel;
  kind: VillageKind | null;
  counts: RegionCounts;
}

export interface Region extends RegionSummary {
  parentCode: string | null;
}

export interface RegionAncestor {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface RegionResponse {
  region: Region;
  children: RegionSummary[];
  ancestors: RegionAncestor[];
}

export type BatchStatus = 'draft' | 'submitted' | 'verified' | 'activated' | 'rejected';

/** A village's enrolment batch; timestamps are ISO UTC strings or null. */
export interface Batch {
  id: number | string;
  villageCode: string;
  villageName: string;
  regencyCode: string;
  fundingSource: string;
  status: BatchStatus;
  createdAt: string | null;
  submittedAt: string | null;
  verifiedAt: string | null;
  activatedAt: string | null;
  rejectReason: string | null;
  valid: number;
  invalid: number;
}

export interface RowIssue {
  field: string;
  code: string;
  /** Already in the caller's language. */
  message: string;
}

export type RowState = 'valid' | 'invalid' | 'kept' | 'superseded' | 'new';

/** One row of an uploaded file; NIK and name come masked when the role may not see them. */
export interface RowReport {
  rowNumber: number;
  nik: string;
  fullName: string;
  birthDate: string;
  sex: string;
  occupation: string;
  state: RowState;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface UploadSummary {
  id: number | string;
  fileName: string;
  rows: number;
  valid: number;
  invalid: number;
  kept: number;
  warnings: number;
}

export interface UploadResult {
  batch: Batch;
  upload: UploadSummary;
  problems: RowReport[];
}

export interface BatchDetail {
  batch: Batch;
  rows: RowReport[];
}

export interface Participant {
  kpj: string;
  nik: string;
  fullName: string;
  birthDate: string;
  sex: string;
  segment: string;
  programs: string[];
  fundingSource: string;
  regionCode: string;
  villageName: string;
  status: string;
  statusSince: string;
}

export interface ParticipantPage {
  total: number;
  participants: Participant[];
}
