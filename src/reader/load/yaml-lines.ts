// Stage 1, load: the front matter block read line by line: where a key is, its value as written,
// and where the YAML goes wrong and what to do, in an author's words.
// Note: js-yaml names the place where it noticed a fault, often lines after it (an unclosed
// quotation mark on line 3 is noticed at the closing `---`), in a parser's terms ("unexpected end
// of the stream within a double quoted scalar"). These checks read the block's lines themselves to
// find the line that holds the fault; js-yaml's own place is the last resort.

/** A fault in the block: its line (0-based, among the block's lines) and what to do. */
export interface YamlFault {
  line: number;
  problem: string;
}

/** One line of the block read as `key: value` (or `- key: value`); undefined for other lines. */
interface Entry {
  indent: number;
  key: string;
  value: string;
  /** Whether the line starts a list item (`- `). */
  item: boolean;
}

function entry(line: string): Entry | undefined {
  const match = /^( *)(- +)?([^\s#:'"[{-][^:#]*?|"[^"]*"|'[^']*') *:(?: +(.*))?$/.exec(line);
  if (!match) return undefined;
  return { indent: match[1]!.length + (match[2]?.length ?? 0), key: match[3]!.replace(/^["']|["']$/g, ''), value: (match[4] ?? '').trim(), item: Boolean(match[2]) };
}

/** The lines of the front matter block at the start of `text` (between its `---` lines). */
export function blockLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const end = lines.findIndex((line, i) => i > 0 && /^---/.test(line));
  return lines.slice(1, end < 0 ? lines.length : end);
}

/** The block line (0-based) of a top-level key, if a line holds it. */
export function keyLine(lines: string[], key: string): number | undefined {
  const line = lines.findIndex((text) => {
    const found = entry(text);
    return found?.indent === 0 && !found.item && found.key === key;
  });
  return line < 0 ? undefined : line;
}

/** A top-level key's value as written on its line, without a comment and the quotation marks around it. */
export function writtenValue(lines: string[], key: string): string | undefined {
  const line = keyLine(lines, key);
  if (line === undefined) return undefined;
  const value = entry(lines[line]!)!
    .value.replace(/(^| )#.*$/, '')
    .trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}

/** A tab in a line's indentation: YAML indents with spaces, and js-yaml reads some such lines silently as something else. */
export function tabIndentation(lines: string[]): YamlFault | undefined {
  const line = lines.findIndex((text) => /^ *\t/.test(text));
  return line < 0 ? undefined : { line, problem: 'a tab indents this line; YAML indents with spaces only: put two spaces where the tab is' };
}

/**
 * The fault behind a js-yaml error: checks for the faults authors make, in the order their
 * symptoms can hide each other, else js-yaml's place with its reason.
 * @param lines the block's lines (between the `---` lines)
 * @param noticedAt the block line js-yaml noticed the fault on (0-based), if it said
 */
export function yamlFault(lines: string[], reason: string, noticedAt: number | undefined): YamlFault {
  const upTo = Math.max(0, Math.min(noticedAt ?? lines.length - 1, lines.length - 1));
  const candidates = lines.slice(0, upTo + 1);
  if (/duplicated mapping key/.test(reason)) {
    const duplicate = duplicateKey(candidates);
    if (duplicate) return duplicate;
  }
  return quoteFault(candidates, /quoted scalar|end of the stream/.test(reason)) ?? bracketFault(candidates) ?? colonFault(candidates) ?? placeOfError(lines, reason, upTo);
}

/** A quoted value closed before its line ends, or (`unclosed`) never closed on its line. */
function quoteFault(lines: string[], unclosed: boolean): YamlFault | undefined {
  for (const [line, text] of lines.entries()) {
    const value = entry(text)?.value ?? /^ *- +(.*)$/.exec(text)?.[1] ?? '';
    const quote = value[0];
    if (quote !== '"' && quote !== "'") continue;
    const end = closingQuote(value, quote);
    if (end < 0 && unclosed) return { line, problem: `the quotation mark (${quote}) that opens the value on this line is never closed; end the value with ${quote} on this line` };
    const rest = end < 0 ? '' : value.slice(end + 1).trim();
    if (rest && !rest.startsWith('#')) {
      const other = quote === '"' ? "'" : '"';
      return {
        line,
        problem: `a quotation mark inside the value ends it early, before ${JSON.stringify(rest)}; put the whole value in ${other === "'" ? 'single' : 'double'} quotation marks (${other}…${other}) instead`,
      };
    }
  }
  return undefined;
}

/** Where a quoted value closes (its index in `value`), or -1. */
function closingQuote(value: string, quote: string): number {
  for (let i = 1; i < value.length; i++) {
    if (quote === '"' && value[i] === '\\') i++;
    else if (value[i] === quote) {
      if (quote === "'" && value[i + 1] === "'")
        i++; // '' is a quotation mark inside single quotes
      else return i;
    }
  }
  return -1;
}

/** A list or map in brackets (`[1, 2` / `{a: 1`) that its line does not close. */
function bracketFault(lines: string[]): YamlFault | undefined {
  for (const [line, text] of lines.entries()) {
    const value = entry(text)?.value ?? '';
    const open = value[0];
    if (open !== '[' && open !== '{') continue;
    const close = open === '[' ? ']' : '}';
    const depth = [...value.replace(/"[^"]*"|'[^']*'/g, '')].reduce((d, c) => d + (c === open ? 1 : c === close ? -1 : 0), 0);
    if (depth > 0) return { line, problem: `the ${open} that opens the value on this line is never closed; end it with ${close} on this line, or put the value in quotation marks if it is text` };
  }
  return undefined;
}

/** An unquoted value holding a colon and a space, which YAML reads as a second key. */
function colonFault(lines: string[]): YamlFault | undefined {
  for (const [line, text] of lines.entries()) {
    const found = entry(text);
    if (!found || /^["'[{|>]/.test(found.value) || !/:( |$)/.test(found.value.replace(/ #.*$/, ''))) continue;
    return {
      line,
      problem: `the value of "${found.key}" holds a colon and a space, which YAML reads as another key; put the value in quotation marks: ${found.key}: "${found.value.replace(/["\\]/g, '\\$&')}"`,
    };
  }
  return undefined;
}

/** The second of two equal keys in one mapping. */
function duplicateKey(lines: string[]): YamlFault | undefined {
  // One level per indentation in use: the keys seen there, and where.
  let levels: { indent: number; keys: Map<string, number> }[] = [];
  for (const [line, text] of lines.entries()) {
    const found = entry(text);
    if (!found) continue;
    levels = levels.filter((level) => level.indent < found.indent || (level.indent === found.indent && !found.item));
    let level = levels[levels.length - 1];
    if (!level || level.indent !== found.indent) levels.push((level = { indent: found.indent, keys: new Map() }));
    const first = level.keys.get(found.key);
    if (first !== undefined) return { line, problem: `"${found.key}" is given twice (first on line ${first + 2} of the file); keep one of them` };
    level.keys.set(found.key, line);
  }
  return undefined;
}

/** js-yaml's place and reason, in plainer words where they are known. */
function placeOfError(lines: string[], reason: string, line: number): YamlFault {
  if (/bad indentation|can not read a block mapping entry|end of the stream or a document separator/.test(reason)) {
    const at = Math.max(0, line);
    const indent = /^ */.exec(lines[at] ?? '')![0].length;
    return {
      line: at,
      problem: `this line is indented ${indent ? `by ${indent} spaces` : 'not at all'}, which does not fit the lines before it: the keys of one block start in one column, the entries under a key (links:, sources:) two spaces further in`,
    };
  }
  const tag = /unknown tag !<([^>]+)>/.exec(reason);
  if (tag) return { line, problem: `the YAML tag ${tag[1]!.replace(/^tag:yaml\.org,2002:/, '!!')} is not read here (front matter holds plain values only); remove it` };
  return { line, problem: `this line is not YAML the archive can read (js-yaml says: ${reason}); see "Front matter" in the README` };
}
