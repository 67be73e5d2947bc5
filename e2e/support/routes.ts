// The app's routes as the browser tests walk them: every role of the demo logs in and visits its
// menu, plus a detail route under some menu sections (a record that may not exist still gets the
// app's page, with its own message): /verifikasi/70 is a batch, not the public card check.

export const DEMO_ROLES = [
  'admin',
  'auditor',
  'dinas.belu',
  'cabang.atambua',
  'supervisor.atambua',
  'desa.kewar',
] as const;

export const DETAIL_ROUTES: Record<string, string> = {
  '/wilayah': '/wilayah/53.04',
  '/verifikasi': '/verifikasi/70',
  '/aktivasi': '/aktivasi/70',
};
