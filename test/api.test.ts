import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('the public API', () => {
  it('should expose the public API', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ArchiveError',
        'BuildError',
        'DiskWriter',
        'InputError',
        'MemoryWriter',
        'SearchIndexError',
        'TemplateError',
        'build',
        'buildSite',
        'defaultBuildOptions',
        'defaultSiteConfig',
        'importExports',
        'loadIssues',
        'parseIssue',
        'loadFile',
      ].sort(),
    );
  });
});
