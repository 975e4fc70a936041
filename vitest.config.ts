// Test runner settings. Many test files wait on builds in child processes or on the disk, so as
// many files run at once as there are CPUs, at least two (vitest's default leaves one CPU idle).
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    maxWorkers: Math.max(2, os.availableParallelism()),
  },
});
