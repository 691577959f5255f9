import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
};

/**
 * Issue 26: suites run a second time with KONTROL_NO_ACTIVE=1, where the sandbox copies Google's
 * guide to bound scripts — no active spreadsheet in a web app or an Apps Script API run — so the
 * add-on must open its recorded spreadsheet by id. The page suite without a browser, the security
 * suite and the live check's scenario; the browser file has one such case of its own.
 */
export const NO_ACTIVE_SUITES = [
  'test/local/my-orders.test.ts',
  'test/local/my-orders-appeals.test.ts',
  'test/local/live-check.test.ts',
  // The security suite (issue 19) without its HTTP half: serve-security's server path is the browser
  // file's no-active case.
  'test/local/webapp-guard.test.ts',
];

export default defineConfig({
  test: {
    // Vitest's default is one worker per core less one: a single worker on this 2-core machine.
    // Much of the suite waits on child processes (kontrol, Chromium, LibreOffice), so two overlap well.
    maxWorkers: 2,
    projects: [
      { test: { name: 'google', include: ['test/**/*.test.ts'], ...shared } },
      { test: { name: 'no-active', include: NO_ACTIVE_SUITES, env: { KONTROL_NO_ACTIVE: '1' }, ...shared } },
    ],
  },
});
