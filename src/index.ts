// The public API, for scripts and tests: build a site, or parse an issue into the model.
export { build } from './build/build.js';
export { buildSite, type BuildReport } from './build/pipeline.js';
export { defaultBuildOptions, defaultSiteConfig, type BuildOptions, type SiteConfig } from './config.js';
export { BuildError, InputError, ArchiveError, TemplateError, SearchIndexError } from './errors.js';
export { importExports } from './cli/import.js';
export { loadFile, type IssueSource } from './reader/load/index.js';
export { loadIssues } from './build/inputs.js';
export type { Block, Inline, Issue, Paragraph, Section, Source, SupportBlock } from './model.js';
export { parseIssue } from './reader/parse/index.js';
export { MemoryWriter, DiskWriter, type Writer } from './build/output/writer.js';
