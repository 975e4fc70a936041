// Sources: the people and outlets whose words a section quotes or whose piece it presents. They
// become the section's heading and fill the source index. A name in the news is not a source:
// `Die Ministerin hat gestern … verkündet. Die Zeit mit den Hintergründen.` has the source Die Zeit.
// The name reader (names/) finds the names of the section's commentary and the construction each
// stands in; source-candidates.ts adds what the section says of them; the source model
// (source-model.ts), learned from the labelled sections, decides. Where no name is likely enough,
// the section has no source and `npm run check` lists it as doubtful.

import type { Language, Source } from '../../model.js';
import type { ClassifiedParagraph } from './classify.js';
import { IssueNames } from './issue-names.js';
import { mayNameSource } from './lexicon.js';
import { isQuoted, namesIn, sectionCandidates, type Candidate } from './source-candidates.js';
import { decide, type Scored, type SourceReading } from './source-model.js';

export { IssueNames } from './issue-names.js';
export type { SourceReading } from './source-model.js';

/**
 * A section's sources, the main one (the heading's) first; for each of its paragraphs, the index
 * into them of who a quote is from; the names left out that were nearly likely enough (the section
 * is doubtful in `npm run check`); the people and places it names that are none of its sources.
 */
export interface SectionSources {
  sources: SourceReading[];
  speakers: (number | undefined)[];
  doubtful: Scored[];
  others: string[];
}

/**
 * The person and/or outlet a paragraph's lead names as the one who speaks or publishes (the subject
 * or agent of a reporting verb, `laut …`), for the paragraph reader. A single word that may be a
 * surname is left out: without the issue around it, it cannot be told from a word in the news.
 */
export function findSource(text: string): Source | undefined {
  const lead = firstSentences(text, 260);
  if (!mayNameSource(lead)) return undefined;
  const m = namesIn(text).find((x) => x.offset < lead.length && x.strong && x.speaks && !x.background && !x.single);
  if (!m) return undefined;
  const outlet = m.kind === 'outlet' ? m : m.partner?.kind === 'outlet' ? m.partner : undefined;
  const person = m.kind === 'person' ? m : m.partner?.kind === 'person' ? m.partner : undefined;
  return { ...(person ? { person: person.name } : {}), ...(outlet ? { outlet: outlet.name } : {}) };
}

/** The start of a paragraph, where a lead-in names its source: whole sentences up to about `limit` characters. */
function firstSentences(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf(': '));
  return end > 60 ? cut.slice(0, end + 1) : cut;
}

/** Surnames and outlet words of a source, to notice when a paragraph talks about it. */
export function sourceWords(source: Source | undefined): string[] {
  const words = [source?.person?.split(/\s+/).pop(), source?.outlet?.split(/\s+/).pop()];
  return words.filter((w): w is string => Boolean(w && w.length > 2 && !/^(?:Times|Post|News)$/.test(w)));
}

/** The sources of a section: its candidates scored by the source model. `issueLang` tells quoted lists (another language) from the author's. */
export function sectionSources(paragraphs: readonly ClassifiedParagraph[], issueLang: Language, names = new IssueNames(paragraphs.map((p) => p.raw))): SectionSources {
  const { scored, readings, groups, doubtful } = decide(sectionCandidates(paragraphs, issueLang, names));
  const others = scored.map((s) => s.candidate).filter((c) => !groups.flat().includes(c) && (c.kind === 'person' || c.occurrences.every((o) => o.mention.construction === 'place')));
  return { sources: readings, speakers: speakersOf(paragraphs, issueLang, groups, others), doubtful, others: others.map((c) => c.name) };
}

/**
 * Who each quote is by: the source its lead-in hands over to (or names last), else the one named
 * right after it, else the section's only source, but where someone else, no source, is named in the
 * sentence that hands over (`…, den Donna Probe so gesagt hat:`).
 */
function speakersOf(paragraphs: readonly ClassifiedParagraph[], issueLang: Language, groups: Candidate[][], others: Candidate[]): (number | undefined)[] {
  const groupOf = new Map(groups.flatMap((members, i) => members.map((c) => [c, i] as const)));
  const lastNamedIn = (paragraph: number) =>
    [...groupOf.keys()]
      .flatMap((c) => c.occurrences.filter((o) => o.paragraph === paragraph).map((o) => ({ c, o })))
      .sort((a, b) => Number(a.o.handsOver) - Number(b.o.handsOver) || a.o.mention.at - b.o.mention.at)
      .pop();
  const handsOverToOther = (lead: number) =>
    others.some(
      (c) => c.kind === 'person' && c.occurrences.some((o) => o.paragraph === lead && o.mention.sentence === (paragraphs[lead]?.raw ?? '').split(/(?<=[.!?:])\s+/).filter(Boolean).length - 1),
    );
  let speaker: number | undefined;
  return paragraphs.map((p, index) => {
    if (!isQuoted(p, issueLang)) return undefined;
    if (isQuoted(paragraphs[index - 1], issueLang)) return speaker;
    let after = index;
    while (isQuoted(paragraphs[after], issueLang)) after++;
    const who = lastNamedIn(index - 1) ?? lastNamedIn(after);
    speaker = who ? groupOf.get(who.c) : groups.length === 1 && !handsOverToOther(index - 1) ? 0 : undefined;
    return speaker;
  });
}
