// Global setup: makes the command bundle (scripts/run.mjs) once before the test files run, as the
// first `npm run …` after a change of src/ does. The tests that run the command line then start
// it from the bundle in a tenth of a second, instead of compiling the TypeScript sources each time.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export default async function makeBundle(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  await promisify(execFile)(process.execPath, [path.join(root, 'scripts/run.mjs'), '--help'], { cwd: root });
}
