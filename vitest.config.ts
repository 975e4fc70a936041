import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The command bundle is made once before the test files start, not by several of them at once.
    globalSetup: ['test/helpers/bundle.ts'],
    // Test files share a worker's loaded modules instead of loading src/ and its dependencies
    // anew, file after file (a tenth of the suite's processor time). Note: no test changes a
    // module's state for others; the one that stubs an environment variable restores it.
    isolate: false,
    // Hooks that build a site before a file's tests (beforeAll) take seconds; on a busy machine
    // more than vitest's default 10 s.
    hookTimeout: 60_000,
  },
});
