// Stage 1, load: a raw export split into issues, newest first, each opening with a title line
// (`Krasse Links No 23.`) or, in flat exports, the intro line; and how copies of one issue compare.

/**
 * A standalone title line: `Krasse Links No 23.`, `Krasse Links No. 22`.
 * Note: any whitespace separates the words here and in the patterns below, because mail clients
 * insert no-break spaces and tabs.
 */
export const TITLE_LINE = /^\s*Krasse\s+Links\s+No\.?\s*(\d+)\.?\s*$/i;

/** An intro line: `Willkommen bei|zu|zurück bei Krasse Links No 27. …` (also `No.` and no `No`). */
export const INTRO_LINE = /^\s*Willkommen\b[^.!?]{0,40}?\bKrasse\s+Links\s+(?:No\.?\s*)?(\d+)/i;

export interface IssueChunk {
  /** 1-based line in the file of the chunk's first line. */
  firstLine: number;
  lines: string[];
  /** The number named by the title or intro line that opened the chunk, if any. */
  number?: number;
}

/** Splits the lines of an export into one chunk per issue. Text before the first issue stays with it. */
export function splitIssues(lines: string[], firstLine = 1): IssueChunk[] {
  const starts: { index: number; number: number }[] = [];
  let previousNonBlank = -1;
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const title = TITLE_LINE.exec(line);
    const intro = title ? null : INTRO_LINE.exec(line);
    const openedByTitle = previousNonBlank >= 0 && TITLE_LINE.test(lines[previousNonBlank]!);
    if (title) starts.push({ index, number: Number(title[1]) });
    else if (intro && !openedByTitle) starts.push({ index, number: Number(intro[1]) });
    previousNonBlank = index;
  });
  if (starts.length === 0) return [{ firstLine, lines }];
  starts[0]!.index = 0; // a preamble before the first issue is kept, never dropped
  return starts.map((start, k) => {
    const end = starts[k + 1]?.index ?? lines.length;
    return { firstLine: firstLine + start.index, lines: lines.slice(start.index, end), number: start.number };
  });
}

/** The lines without blank ones and without a leading title line, for comparing copies of an issue. */
export function essentialText(lines: string[]): string {
  const nonBlank = lines.map((l) => l.trim()).filter(Boolean);
  if (nonBlank[0] && TITLE_LINE.test(nonBlank[0])) nonBlank.shift();
  return nonBlank.join('\n');
}

/** How many section breaks (runs of two or more blank lines between text) the lines hold. */
export function countSectionBreaks(lines: string[]): number {
  let breaks = 0;
  let blanks = 0;
  let seenText = false;
  for (const line of lines) {
    if (line.trim()) {
      if (seenText && blanks >= 2) breaks++;
      blanks = 0;
      seenText = true;
    } else blanks++;
  }
  return breaks;
}
