// Stage 1, load: the optional YAML front matter of an issue file (`number`, `title`, `date`,
// `slug`, `links`, `sources`, `image`), read with gray-matter and validated.

// Note: gray-matter evaluates `---js` / `---javascript` blocks with `eval` by default; those
// engines are replaced by ones that refuse, so front matter can never run code.

import matter from 'gray-matter';
import { InputError } from '../../errors.js';
import type { Source } from '../../model.js';
import { imageReference } from './share-image.js';
import { readIssueDate } from './dates.js';
import { blockLines, keyLine, tabIndentation, writtenValue, yamlFault, type YamlFault } from './yaml-lines.js';

export interface FrontMatter {
  /** The issue number, overriding the one in the text. */
  number?: number;
  /** The issue's title, overriding the motto from the intro line. */
  title?: string;
  /** Publication date, ISO `YYYY-MM-DD`. */
  date?: string;
  /** URL segment of the issue page (`issues/<slug>/`); letters, digits and dashes. */
  slug?: string;
  /** Link text → URL, restoring links the export lost. */
  links?: Record<string, string>;
  /** The sources of sections, by section number (1-based), where the parser reads them wrongly; an empty list: none. */
  sources?: Record<number, Source[]>;
  /** The issue's share image (og:image): a file in public/ (`bilder/56.png`) or an http(s) URL. */
  image?: string;
  /** The author checked every paragraph: the marks are complete, and `npm run train` learns from the issue. */
  reviewed?: boolean;
  /** The marks are complete (written by `npm run check -- --mark` or the dev page), not yet all checked. */
  marked?: boolean;
}

export interface FrontMatterResult {
  data: FrontMatter;
  /** The text after the front matter. */
  body: string;
  /** How many lines the front matter block took (0 without one), to keep line numbers right. */
  lineOffset: number;
  warnings: string[];
}

/**
 * The review keys, `reviewed` and `marked`: each true or false, and either makes the issue be
 * built exactly as marked (quotes the `> ` lines, section starts the `---` lines), no guessing.
 * Note: anything but a boolean is refused, naming the key's line: `reviewed: yes` is a boolean in
 * YAML 1.1 but a text here, and a misspelt value must not silently leave the issue to the reader.
 */
const REVIEW_KEYS = ['reviewed', 'marked'] as const;

const KNOWN_KEYS = new Set(['number', 'title', 'date', 'slug', 'links', 'sources', 'image', ...REVIEW_KEYS]);

const refuseCode = (language: string) => () => {
  throw new Error(`front matter in ${language} is refused: only YAML front matter is read`);
};

const options = {
  language: 'yaml',
  engines: {
    js: refuseCode('JavaScript'),
    javascript: refuseCode('JavaScript'),
    coffee: refuseCode('CoffeeScript'),
    coffeescript: refuseCode('CoffeeScript'),
  },
} as unknown as Parameters<typeof matter>[1];

/** Reads and validates the front matter at the start of `text`, if there is any. */
export function readFrontMatter(text: string, file: string): FrontMatterResult {
  if (!/^---[^\n\r]*(\r\n|\r|\n)/.test(text)) return { data: {}, body: text, lineOffset: 0, warnings: [] };
  // Note: without a closing `---` line gray-matter reads the whole issue as YAML and faults on
  // some line of the text; the missing line is the fault to name.
  if (!/(\r\n|\r|\n)---/.test(text)) throw new InputError(file, 1, 'front matter cannot be read: the --- on this line opens it, but no line of --- closes it; put a line of --- after its last key');
  const lines = blockLines(text);
  const tab = /^---\s*$/.test(text.slice(0, text.search(/\r|\n/))) ? tabIndentation(lines) : undefined;
  if (tab) throw unreadable(file, tab);
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, options);
  } catch (cause) {
    const mark = (cause as { mark?: { line?: number } }).mark;
    const reason = (cause as { reason?: string }).reason;
    // Not YAML's own error: a refused language (---js) names the block's first line.
    if (!mark || reason === undefined)
      throw new InputError(file, 1, `front matter cannot be read (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}); fix the block between the --- lines`, { cause });
    // js-yaml counts from the rest of the opening --- line: its line 1 is the block's first line.
    throw unreadable(file, yamlFault(lines, reason, mark.line === undefined ? undefined : mark.line - 1), cause);
  }
  const lineOffset = text.slice(0, text.length - parsed.content.length).split(/\r\n|\r|\n/).length - 1;
  const warnings: string[] = [];
  const data = validate(parsed.data as Record<string, unknown>, file, warnings, lines);
  Object.assign(data, reviewState(parsed.data as Record<string, unknown>, text, file));
  return { data, body: parsed.content, lineOffset, warnings };
}

/** The error for a block YAML cannot read, at the line of its fault (the block starts on the file's line 2). */
function unreadable(file: string, fault: YamlFault, cause?: unknown): InputError {
  return new InputError(file, fault.line + 2, `front matter cannot be read: ${fault.problem}`, { cause });
}

function validate(raw: Record<string, unknown>, file: string, warnings: string[], lines: string[]): FrontMatter {
  // A problem with a key names the key's line (else the block's first).
  const fail = (problem: string, key?: string) => {
    const line = key === undefined ? undefined : keyLine(lines, key);
    return new InputError(file, line === undefined ? 1 : line + 2, `front matter: ${problem}`);
  };
  const data: FrontMatter = {};
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) warnings.push(`${file}: unknown front matter key "${key}" is ignored (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  if (raw.number !== undefined) {
    const n = typeof raw.number === 'string' && /^\d+$/.test(raw.number.trim()) ? Number(raw.number) : raw.number;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw fail(`"number" must be a whole number, not ${JSON.stringify(raw.number)}`, 'number');
    data.number = n;
  }
  if (raw.title !== undefined) {
    if (typeof raw.title !== 'string' || !raw.title.trim()) throw fail('"title" must be a non-empty text', 'title');
    data.title = raw.title.trim();
  }
  if (raw.date !== undefined) data.date = issueDate(raw.date, writtenValue(lines, 'date'), (problem) => fail(problem, 'date'));
  if (raw.slug !== undefined) {
    // A number is a slug too (`slug: 57`); a list or a map is named as written, not as "[object Object]".
    const slug = typeof raw.slug === 'string' || typeof raw.slug === 'number' ? String(raw.slug) : undefined;
    if (slug === undefined || !/^[a-z0-9][a-z0-9-]{0,79}$/i.test(slug)) throw fail(`"slug" may hold only letters, digits and dashes, not ${JSON.stringify(raw.slug)}`, 'slug');
    data.slug = slug.toLowerCase();
  }
  if (raw.links !== undefined) {
    if (typeof raw.links !== 'object' || raw.links === null || Array.isArray(raw.links)) throw fail('"links" must map link texts to URLs', 'links');
    data.links = {};
    for (const [text, url] of Object.entries(raw.links)) {
      if (typeof url !== 'string') throw fail(`the URL for link text "${text}" must be a text`, 'links');
      data.links[text] = url;
    }
  }
  if (raw.sources !== undefined) data.sources = toSources(raw.sources, (problem) => fail(problem, 'sources'));
  if (raw.image !== undefined) data.image = imageReference(raw.image, (problem) => fail(problem, 'image'));
  return data;
}

/** `reviewed` and `marked`, each a boolean (see REVIEW_KEYS); the error names the key's line. */
function reviewState(raw: Record<string, unknown>, text: string, file: string): Pick<FrontMatter, 'reviewed' | 'marked'> {
  const state: Pick<FrontMatter, 'reviewed' | 'marked'> = {};
  for (const key of REVIEW_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') {
      const line = text.split(/\r\n|\r|\n/).findIndex((l) => new RegExp(`^${key}\\s*:`).test(l)) + 1;
      throw new InputError(file, line || 1, `front matter: "${key}" must be true or false, not ${JSON.stringify(value)}`);
    }
    state[key] = value;
  }
  return state;
}

/**
 * `sources:` maps section numbers to sources: `Person; Outlet`, `Person`, `; Outlet`, a list of
 * those, or `-` / an empty list for none. Names are text (at most 120 characters, no line breaks).
 */
function toSources(value: unknown, fail: (problem: string) => Error): Record<number, Source[]> {
  const example = 'e.g. "sources: {3: Adam Tooze; Jung und Naiv, 5: \"-\"}"';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail(`"sources" must map section numbers to sources, ${example}`);
  const result: Record<number, Source[]> = {};
  for (const [section, given] of Object.entries(value)) {
    if (!/^[1-9]\d{0,5}$/.test(section)) throw fail(`"sources" needs section numbers (1, 2, …) as keys, not ${JSON.stringify(section)}`);
    const list = given === null || given === '-' ? [] : Array.isArray(given) ? given : [given];
    result[Number(section)] = list.map((item) => toSource(item, section, fail));
  }
  return result;
}

function toSource(item: unknown, section: string, fail: (problem: string) => Error): Source {
  const name = (text: unknown) => {
    if (typeof text !== 'string') return undefined;
    const trimmed = text.trim();
    if (trimmed.length > 120 || /[\r\n]/.test(trimmed)) throw fail(`a source of section ${section} must be a name of at most 120 characters on one line`);
    return trimmed || undefined;
  };
  let person: string | undefined;
  let outlet: string | undefined;
  if (typeof item === 'string') {
    const parts = item.split(';');
    if (parts.length > 2) throw fail(`a source of section ${section} is "Person", "Person; Outlet" or "; Outlet", not ${JSON.stringify(item)}`);
    person = name(parts[0]);
    outlet = name(parts[1]);
  } else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const { person: p, outlet: o, ...rest } = item as Record<string, unknown>;
    if (Object.keys(rest).length || (p !== undefined && typeof p !== 'string') || (o !== undefined && typeof o !== 'string')) {
      throw fail(`a source of section ${section} may have only "person" and "outlet", each a text`);
    }
    person = name(p);
    outlet = name(o);
  }
  if (!person && !outlet) throw fail(`a source of section ${section} needs a person or an outlet, not ${JSON.stringify(item)}`);
  return { ...(person ? { person } : {}), ...(outlet ? { outlet } : {}) };
}

/**
 * The issue's date as the author wrote it on the `date:` line.
 * Note: YAML reads an unquoted 2025-06-31 as a date of 1 July, and 2025-02-30 as 2 March: the
 * text of the line decides, not what YAML made of it.
 */
function issueDate(value: unknown, written: string | undefined, fail: (problem: string) => Error): string {
  const text = written ?? (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  if (text === undefined) throw fail('"date" must be the day written YYYY-MM-DD on the line of its key, e.g. date: 2025-06-20');
  const reading = readIssueDate(text);
  if ('problem' in reading) throw fail(`"${`date: ${text}`.trim()}" ${reading.problem}`);
  return reading.date;
}
