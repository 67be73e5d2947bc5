import { apiRequest, queryString } from './client.ts';
import type { ParticipantPage } from './types.ts';

export const PARTICIPANTS_PAGE_SIZE = 50;

export function listParticipants(params: {
  region: string | null;
  q: string;
  offset: number;
}): Promise<ParticipantPage> {
  return apiRequest<ParticipantPage>(
    'GET',
    `/participants${queryString({
      region: params.region,
      q: params.q.trim(),
      limit: PARTICIPANTS_PAGE_SIZE,
      offset: params.offset,
    })}`,
  );
}
