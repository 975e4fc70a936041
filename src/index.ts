// The public API, for scripts and tests: build a site, or parse an issue into the model.
export { build } from './build.js';
export { buildSite, type BuildReport } from './pipeline.js';
export { defaultBuildOptions, defaultSiteConfig, type BuildOptions, type SiteConfig } from './config.js';
export { BuildError, InputError, ArchiveError, TemplateError, SearchIndexError } from './errors.js';
export { importExports } from './commands/import.js';
export { loadIssues, loadFile, type IssueSource } from './load/index.js';
export type { Block, Inline, Issue, Paragraph, Section, Source, SupportBlock } from './model.js';
export { parseIssue } from './parse/index.js';
export { MemoryWriter, DiskWriter, type Writer } from './output/writer.js';
