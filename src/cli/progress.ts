// Progress of a long build: a live line on a terminal (stage, counts, elapsed seconds), nothing
// at all in CI or when the output is piped, where only the one summary line belongs. The build
// reports to whatever Progress its caller passes (build/progress.ts).

import { silentProgress, type Progress } from '../build/progress.js';

/** A live progress line on `stream` when it is an interactive terminal outside CI; silent otherwise. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return silentProgress;
  const started = performance.now();
  let name = '';
  let done = 0;
  let total: number | undefined;
  let lastDraw = 0;
  const draw = (force = false) => {
    const now = performance.now();
    if (!force && now - lastDraw < 80) return; // at most ~12 redraws a second
    lastDraw = now;
    const width = 24;
    const bar = total ? `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width, '.')}] ${done}/${total}` : `${done}`;
    stream.write(`\r\x1b[2K${name.padEnd(7)} ${bar}  ${((now - started) / 1000).toFixed(1)} s`);
  };
  return {
    stage(stageName, stageTotal) {
      name = stageName;
      done = 0;
      total = stageTotal;
      draw(true);
    },
    advance(count = 1) {
      done += count;
      draw();
    },
    end() {
      stream.write('\r\x1b[2K');
    },
  };
}
