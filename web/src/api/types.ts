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
