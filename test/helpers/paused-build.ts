// A build into a folder that stops at one of its pause points (see PausePoint in
// src/build/output/swap.ts): it prints "paused at <point>" to stderr and blocks there, without
// yielding to the event loop, until the test kills it. Run in a process of its own:
//   node --import tsx test/helpers/paused-build.ts POINT INPUT OUT
import fs from 'node:fs';
import { build, type PausePoint } from '../../src/build/build.js';
import { defaultBuildOptions } from '../../src/config.js';

const [point, input, out] = process.argv.slice(2) as [PausePoint, string, string];
await build(
  { ...defaultBuildOptions, input, out, search: false },
  {
    pause: (at) => {
      if (at !== point) return;
      fs.writeSync(2, `paused at ${at}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    },
  },
);
