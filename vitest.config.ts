// Test runner settings. Many test files wait on builds in child processes or on the disk, so as
// many files run at once as there are CPUs, at least two (vitest's default leaves one CPU idle).
// The browser tests run one file at a time (`npm run test:e2e`): each starts its own Chromium.
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    maxWorkers: Math.max(2, os.availableParallelism()),
  },
});
