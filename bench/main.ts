// npm run bench -- <name>: each benchmark measures lindung's way against a raw baseline in the same run.
const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  enrolment: () => import('./enrolment.ts'),
  billing: () => import('./billing.ts'),
  'billing-mixed': () => import('./billing-mixed.ts'),
  reports: () => import('./reports.ts'),
  'web-3g': () => import('./web-3g.ts'),
  audit: () => import('./audit.ts'),
  renewal: () => import('./renewal.ts'),
  'db-move': () => import('./db-move.ts'),
  scale: () => import('./scale.ts'),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
/** Run only when named: the scale benchmark builds databases of millions of participants (hours). */
const BY_NAME_ONLY = ['scale'];
const selected = names.length ? names : Object.keys(BENCHES).filter((n) => !BY_NAME_ONLY.includes(n));
for (const name of selected) {
  const load = BENCHES[name];
  if (!load) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  await (await load()).run();
}
