/** The BPU mandiri list: `/bpu-mandiri`; one worker: `/bpu-mandiri/{kpj}`. */
export const BPU_PATH = '/bpu-mandiri';

export function bpuPath(kpj: string): string {
  return `${BPU_PATH}/${encodeURIComponent(kpj)}`;
}
