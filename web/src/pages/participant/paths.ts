/** The participant page: `/peserta/{kpj}` (the list is `/peserta`). */
export const PARTICIPANTS_PATH = '/peserta';

export function participantPath(kpj: string): string {
  return `${PARTICIPANTS_PATH}/${encodeURIComponent(kpj)}`;
}
