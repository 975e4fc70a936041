// `npx tsx scripts/word-files.ts [--issues N] [--words-from-dictionary]`: the size of the word files the
// search page loads for "Meinten Sie …?" (src/site/search/words.ts), and the processor time to make them,
// on a synthetic archive of N issues (scripts/synthetic.ts, default 1000).
// Note: the synthetic issues reuse the corpus's sections, so their vocabulary is the corpus's.
// --words-from-dictionary adds the 77 000 words of @zxcvbn-ts/language-de (German subtitles and
// Wikipedia), about the vocabulary a real archive of 1000 issues reaches, to see the files at that size.

import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { createArchive } from '../src/site/archive/index.js';
import { defaultBuildOptions, defaultSiteConfig } from '../src/config.js';
import { MemoryWriter } from '../src/build/output/writer.js';
import { buildSite } from '../src/build/pipeline.js';
import { searchRecords } from '../src/site/search/index.js';
import { WordCounter } from '../src/site/search/words.js';
import { writeSyntheticArchive } from './synthetic.js';

const { values } = parseArgs({ options: { issues: { type: 'string', default: '1000' }, 'words-from-dictionary': { type: 'boolean', default: false } } });
const root = path.resolve(import.meta.dirname, '..');
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kl-word-files-'));
try {
  await writeSyntheticArchive(dir, Number(values.issues), { archiveDir: path.join(root, 'issues') });
  const report = await buildSite({ ...defaultBuildOptions, input: dir, search: false }, new MemoryWriter());
  const records = searchRecords(createArchive(report.issues), defaultSiteConfig);
  const started = process.cpuUsage();
  const counter = new WordCounter();
  for (const record of records) counter.addRecord(record.html);
  if (values['words-from-dictionary']) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-de') as { dictionary: Record<string, string[]> };
    for (const word of [...dictionary.commonWords!, ...dictionary.wikipedia!]) counter.addText(word);
  }
  const files = counter.files();
  const cpu = process.cpuUsage(started);
  const sizes = [...files].map(([name, text]) => ({ name, words: text.split('\n').length - 1, bytes: Buffer.byteLength(text), gzip: zlib.gzipSync(text, { level: 9 }).length }));
  const sum = (key: 'words' | 'bytes' | 'gzip') => sizes.reduce((total, size) => total + size[key], 0);
  const largest = sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  console.log(`${values.issues} issues, ${records.length} records: ${sum('words')} words in ${files.size} files, ${Math.round(sum('bytes') / 1024)} KB (${Math.round(sum('gzip') / 1024)} KB gzip)`);
  console.log(
    `largest file: ${largest.name}.txt, ${largest.words} words, ${(largest.gzip / 1024).toFixed(1)} KB gzip; median ${(sizes.map((s) => s.gzip).sort((a, b) => a - b)[Math.floor(sizes.length / 2)]! / 1024).toFixed(1)} KB gzip`,
  );
  console.log(`processor time to make them: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
