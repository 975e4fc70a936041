// Progress: a live line on a terminal, nothing when piped or in CI.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentProgress } from '../src/build/progress.js';
import { terminalProgress } from '../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

afterEach(() => vi.unstubAllEnvs());

describe('build progress', () => {
  it('draws a live line with stage and counts on a terminal, and clears it at the end', () => {
    vi.stubEnv('CI', '');
    const { stream, written } = fakeStream(true);
    const progress = terminalProgress(stream);
    progress.stage('parse', 4);
    progress.advance(4);
    progress.stage('write', 2);
    progress.end();
    expect(written[0]).toMatch(/^\r\x1b\[2Kparse {3}\[\.{24}\] 0\/4 {2}\d+\.\d s$/);
    expect(written.some((line) => line.includes('write   [') && line.includes('0/2'))).toBe(true);
    expect(written[written.length - 1]).toBe('\r\x1b[2K');
  });

  it('stays silent when the output is piped', () => {
    expect(terminalProgress(fakeStream(false).stream)).toBe(silentProgress);
  });

  it('stays silent in CI, even on a terminal', () => {
    vi.stubEnv('CI', 'true');
    expect(terminalProgress(fakeStream(true).stream)).toBe(silentProgress);
  });
});
