// The Atom feed as a feed reader needs it: valid (the elements RFC 4287 requires, checked by
// test/helpers/atom.ts), and only when an issue has a date: an archive without dates has no feed,
// and no page links to one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { defaultBuildOptions } from '../src/config.js';
import { MemoryWriter } from '../src/build/output/writer.js';
import { buildSite } from '../src/build/pipeline.js';
import { atomProblems } from './helpers/atom.js';
import { archiveDir, folderWith, tempDir } from './helpers/fixtures.js';

let corpus: MemoryWriter;
let dated: MemoryWriter;

beforeAll(async () => {
  corpus = new MemoryWriter();
  await buildSite({ ...defaultBuildOptions, input: archiveDir, search: false }, corpus);
  const input = await folderWith({
    '001.txt': '---\ndate: 2024-03-01\n---\nWillkommen bei Krasse Links No 1. Hallo, heute testen wir Daten & <Zeichen>.\nLaut Heise: Text.\n',
    '002.txt': '---\ndate: 2024-03-08\n---\nWillkommen bei Krasse Links No 2. Hallo, heute noch einmal.\nLaut Heise: Text.\n',
  });
  try {
    dated = new MemoryWriter();
    await buildSite({ ...defaultBuildOptions, input: input.dir, search: false }, dated);
  } finally {
    await input.cleanup();
  }
});

describe('the feed', () => {
  it('is valid Atom, with what RFC 4287 requires of the feed and each entry', () => {
    expect(atomProblems(dated.text('feed.xml'))).toEqual([]);
  });

  it('finds the problems of a feed a reader would stumble on (the check itself)', () => {
    const feed = dated.text('feed.xml');
    expect(atomProblems(feed.replace(/<updated>[^<]*<\/updated>/, '<updated>1. Januar</updated>'))).toEqual(['the feed: <updated> is not an RFC 3339 date: 1. Januar']);
    expect(atomProblems(feed.replace(/<entry>[\s\S]*<\/entry>\n/, ''))).toEqual(['the feed has no entry']);
    expect(atomProblems(feed.replace('</summary>', ''))).toEqual([expect.stringMatching(/closes <summary>/)]);
    expect(atomProblems(feed.replace('&lt;p', '&nbsp;<p'))).toEqual(expect.arrayContaining(['an undefined entity &nbsp;']));
  });

  it('is left out, with every link to it, when no issue has a date, and the build says so', async () => {
    expect([...corpus.files.keys()]).not.toContain('feed.xml');
    for (const [file, content] of corpus.files) {
      if (typeof content === 'string') expect(content, file).not.toMatch(/feed\.xml|application\/atom\+xml/);
    }
    const temp = await tempDir();
    try {
      // A site that had a feed loses it when its last dated issue loses its date.
      const input = path.join(temp.dir, 'issues');
      await fs.mkdir(input);
      const no21 = await fs.readFile(path.join(archiveDir, '021.txt'), 'utf8');
      await fs.writeFile(path.join(input, '021.txt'), `---\ndate: 2024-06-30\n---\n${no21}`);
      const out = path.join(temp.dir, 'site');
      await build({ ...defaultBuildOptions, input, out, search: false });
      expect(atomProblems(await fs.readFile(path.join(out, 'feed.xml'), 'utf8'))).toEqual([]);
      await fs.writeFile(path.join(input, '021.txt'), no21);
      const report = await build({ ...defaultBuildOptions, input, out, search: false });
      await expect(fs.access(path.join(out, 'feed.xml'))).rejects.toThrow();
      expect(await fs.readFile(path.join(out, 'issues/21/index.html'), 'utf8')).not.toContain('feed.xml');
      expect(report.warnings).toContain(
        '1 issue(s) have no date (No 21) and are left out of the feed, so the site has no feed (feed.xml) yet: add "date: YYYY-MM-DD" to their front matter (or import with --date YYYY-MM-DD)',
      );
    } finally {
      await temp.cleanup();
    }
  });
});
