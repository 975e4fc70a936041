// Section headings a reader can scan: the section's source(s) and its subject in a few words
// (`Adam Tooze über Hegemonie und Interregnum`), never its first sentence cut off.
// Note: the subject is the section's most distinctive nouns and names. German capitalises
// nouns, so the candidates are capitalised words inside a sentence (a word opening a sentence
// counts only when the section also writes it capitalised elsewhere); each weighs by how often
// the section uses it and how rare it is in German (terms.ts). Only the section's own text and
// that fixed background decide, so an issue's headings never change when another issue is added.

import { sourceNames, type Source } from '../../model.js';
import { sectionSubject } from './subjects.js';
import { type TermParagraph } from './terms.js';

export interface HeadingInput {
  /** The section's paragraphs in reading order (commentary, quotes, list items). */
  paragraphs: TermParagraph[];
  /** The source the section's lead-in names. */
  source?: Source;
  /** The sources the heading names, the main one first (the section's others are no subject either). */
  sources: Source[];
  /** Every source of the section. */
  all?: Source[];
  /** Names the section reads that are none of its sources (someone in the news, a place). */
  others?: string[];
}

/** Headings longer than this drop their second source, then their subject. */
export const HEADING_LENGTH = 60;

/** A source as a heading names it: `Nathan Benaich (Fortune)`, `Heise`. */
export function sourceLabel(source: Source): string {
  if (source.person && source.outlet) return `${source.person} (${source.outlet})`;
  return source.person ?? source.outlet ?? '';
}

/** The heading of a section: its sources and its subject (`Adam Tooze über Hegemonie`), or the source alone. */
export function sectionHeading(input: HeadingInput, fallback: string): string {
  const sources = headingSources(input);
  const subject = sectionSubject(input.paragraphs, [...sources, ...(input.all ?? [])].flatMap(sourceNames), input.others);
  const compose = (sourceCount: number, withSubject: boolean) => {
    // The second source by its person's name alone: the heading stays short.
    const who = sources
      .slice(0, sourceCount)
      .map((s, i) => (i === 0 ? sourceLabel(s) : (s.person ?? s.outlet!)))
      .join(' und ');
    const what = withSubject ? (subject ?? '') : '';
    if (who && what) return `${who} über ${what}`;
    return who || what;
  };
  for (const [sourceCount, withSubject] of [
    [2, true],
    [1, true],
    [1, false],
  ] as const) {
    const heading = compose(sourceCount, withSubject);
    if (heading && heading.length <= HEADING_LENGTH) return heading;
  }
  return compose(1, false) || compose(0, true) || fallback;
}

/** Up to two sources for the heading: the lead-in's, then the first quoted source that is another. */
function headingSources({ source, sources }: HeadingInput): Source[] {
  const all = source ? [source, ...sources] : sources;
  const chosen: Source[] = [];
  const names = (s: Source) => sourceNames(s).map((n) => n.toLowerCase());
  for (const candidate of all) {
    const candidateNames = names(candidate);
    if (!candidateNames.length) continue;
    if (chosen.some((c) => names(c).some((n) => candidateNames.includes(n)))) continue;
    chosen.push(candidate);
    if (chosen.length === 2) break;
  }
  return chosen;
}
