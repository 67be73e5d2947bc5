import { afterAll, afterEach } from 'vitest';
import { axeTally, settleAccessibility } from './axe.ts';

// Loaded before every browser test file (vitest.config.ts, project e2e): the accessibility check
// runs over every file without each test asking for it (e2e/support/axe.ts).

afterEach(async (context) => {
  await settleAccessibility(context.task.result?.state === 'fail');
});

// Registered first, so it runs after the file's own afterAll (which closes contexts made there).
afterAll(async () => {
  const { states, failing, violations } = axeTally;
  console.log(
    `[axe] ${states} page states checked, ${failing} with ${violations} serious/critical violation(s)`,
  );
  await settleAccessibility(false);
});
