import { apiRequest } from './client.ts';
import type { RegionResponse } from './types.ts';

export function getRegion(code: string): Promise<RegionResponse> {
  return apiRequest<RegionResponse>('GET', `/regions/${encodeURIComponent(code)}`);
}
