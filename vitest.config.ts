import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The command bundle is made once before the test files start, not by several of them at once.
    globalSetup: ['test/helpers/bundle.ts'],
  },
});
