import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker per core less one: a single worker on this 2-core machine.
    // Much of the suite waits on child processes (kontrol, Chromium, LibreOffice), so two overlap well.
    maxWorkers: 2,
  },
});
