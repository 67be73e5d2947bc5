import type { ClaimStatus } from './claims.ts';
import type { Schema } from './client.ts';

// Fields the server sends but its zod schemas leave undeclared: `explanation: z.unknown()` and
// the loose claim and event objects of src/http/routes/claims-schemas.ts. The web reads them
// through these shapes until the server declares them; then this file goes and schema.d.ts
// (npm run gen:api) carries them.

type Bilingual = Schema<'Claim'>['kindLabel'];
type Coded = { code: string } & Bilingual;

/** What every claim view carries beyond its declared schema. */
export type ClaimUndeclared = {
  status: ClaimStatus;
  regencyCode: string;
  eventDetail?: Record<string, unknown>;
  rulesVersion?: string | null;
  filedBy?: string;
  filedAt?: string;
};

/** A step of a claim's history: the declared action, status, actor and time, and these. */
export type ClaimEventUndeclared = {
  id?: number;
  fromStatus?: string | null;
  reasonCode?: string | null;
  note?: string | null;
  amountRp?: number | null;
};

/** What the rules wrote down (src/services/claims/explain.ts): summary, notes, benefit workings. */
export type ClaimExplanation = {
  summary?: Bilingual;
  refusal?: Coded;
  notes?: Coded[];
  liability?: 'employer' | 'bpjs';
  benefit?: {
    totalRp: number;
    components: { name: string; amountRp: number; basis: string }[];
    reasons: Coded[];
    explanation: {
      rules: { rule: string; text: Bilingual; basis: string }[];
      parameters: { id: string; effectiveFrom: string; value: unknown; unit: string; reference: string }[];
    };
  };
};

/** A loose schema's declared keys only (its `[key: string]: unknown` index dropped). */
export type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
