export const PROJECTS_PATH = '/proyek';

export function projectPath(number: string): string {
  return `${PROJECTS_PATH}/${encodeURIComponent(number)}`;
}
