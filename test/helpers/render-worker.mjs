// The rendering thread of src/render/worker.ts run from the TypeScript sources, for tests that
// start it without the bundle (see src/render/parallel.ts).
import { register } from 'tsx/esm/api';

register();
await import('../../src/site/render/worker.ts');
