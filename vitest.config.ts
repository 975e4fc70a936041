import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The files that take longest (a whole `npm run train`, the cross-validated scores, whole-site
// builds), longest first. Each worker takes the next file when it is free, so starting these
// first lets the workers finish together; without them vitest orders a clean clone's files by
// size, and the longest file, a short one, started last.
const longestFirst = [
  'train.test.ts',
  'structure.test.ts',
  'deploy.test.ts',
  'interrupted.test.ts',
  'portable.test.ts',
  'integrity.test.ts',
  'scale.test.ts',
  'dev.test.ts',
  'incremental.test.ts',
  'parallel.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = longestFirst.indexOf(path.basename(file.moduleId));
      return at === -1 ? longestFirst.length : at;
    };
    // Note: a stable sort; the other files keep vitest's order (durations of the last run, or size).
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: LongestFirst },
  },
});
