// The rendering thread of src/build/threads/render-worker.ts run from the TypeScript sources, for
// tests that start it without the bundle (see src/build/threads/files.ts).
import { register } from 'tsx/esm/api';

register();
await import('../../src/build/threads/render-worker.ts');
