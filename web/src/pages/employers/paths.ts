export const EMPLOYERS_PATH = '/pemberi-kerja';

export function employerPath(npp: string): string {
  return `${EMPLOYERS_PATH}/${encodeURIComponent(npp)}`;
}
