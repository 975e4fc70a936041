// Sources: the people and outlets whose words a section quotes or whose piece it presents. They
// become the section's heading and fill the source index. A name in the news is not a source:
// `Die Ministerin hat gestern … verkündet. Die Zeit mit den Hintergründen.` has the source Die Zeit.
//
// The name reader (names/) finds every name of the section's commentary and the construction it
// stands in; source-candidates.ts turns them into candidates with what the section says of them
// (the opening, a lead-in before a quote, right after a quote …); the source model
// (source-model.ts), learned from the labelled sections, decides which are sources. Where none is
// likely enough, the section has none, and `npm run check` lists it as doubtful.

import type { Source } from '../model.js';
import type { ClassifiedParagraph } from './classify.js';
import { mayNameSource } from './lexicon.js';
import { IssueNames } from './issue-names.js';
import type { Mention } from './names/index.js';
import { isQuoted, namesIn, sectionCandidates, type Candidate } from './source-candidates.js';
import { decide, type Scored, type SourceReading } from './source-model.js';
import type { Language } from '../model.js';

export { IssueNames } from './issue-names.js';
export type { SourceReading } from './source-model.js';

export interface SectionSources {
  /** The section's sources, the main one (for the heading) first. */
  sources: SourceReading[];
  /** For each paragraph of the section: the index into `sources` of who a quote is from. */
  speakers: (number | undefined)[];
  /** Candidates left out that were nearly likely enough: the section is doubtful (`npm run check`). */
  doubtful: Scored[];
  /** The people and places the section names that are none of its sources (the news is about them). */
  others: string[];
}

/**
 * Finds the person and/or outlet a paragraph names as the one who speaks or publishes (the subject
 * or agent of a reporting verb, `laut …`), if any. A single word that may be a surname is left
 * out: without the issue around it, it cannot be told from a word in the news.
 */
export function findSource(text: string): Source | undefined {
  // Note: the names of the whole paragraph, as the sections read them (and then find them read
  // already), of which only those in its lead count.
  const lead = firstSentences(text, 260);
  if (!mayNameSource(lead)) return undefined;
  const mention = namesIn(text).find((m) => m.offset < lead.length && m.strong && m.speaks && !m.background && !m.single);
  if (!mention) return undefined;
  return sourceOf(mention, mention.partner);
}

/** The start of a paragraph, where a lead-in names its source: whole sentences up to about `limit` characters. */
function firstSentences(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf(': '));
  return end > 60 ? cut.slice(0, end + 1) : cut;
}

function sourceOf(mention: Mention, partner: Mention | undefined): Source {
  if (mention.kind === 'person') return { person: mention.name, ...(partner?.kind === 'outlet' ? { outlet: partner.name } : {}) };
  return partner?.kind === 'person' ? { person: partner.name, outlet: mention.name } : { outlet: mention.name };
}

/** Surnames and outlet words of a source, to notice when a paragraph talks about it. */
export function sourceWords(source: Source | undefined): string[] {
  if (!source) return [];
  const person = source.person?.split(/\s+/).pop();
  const outlet = source.outlet?.split(/\s+/).pop();
  return [person, outlet].filter((w): w is string => Boolean(w && w.length > 2 && !/^(?:Times|Post|News)$/.test(w)));
}

/** A short heading for a section with this source: `Nathan Benaich, Fortune`. */
export function sourceHeading(source: Source): string {
  return [source.person, source.outlet].filter(Boolean).join(', ');
}


/**
 * The sources of a section: its candidates (every name its commentary reads) scored by the source
 * model. `issueLang` tells quoted lists (in another language) from the author's own.
 */
export function sectionSources(paragraphs: readonly ClassifiedParagraph[], issueLang: Language, names: IssueNames = new IssueNames(paragraphs.map((p) => p.raw))): SectionSources {
  const candidates = sectionCandidates(paragraphs, issueLang, names);
  const { scored, sources, doubtful } = decide(candidates);
  const taken = new Set(sources.members.flat());
  const inPassing = (c: Candidate) => c.kind === 'person' || c.occurrences.every((o) => o.mention.construction === 'place');
  const others = scored.filter((s) => !taken.has(s.candidate) && inPassing(s.candidate)).map((s) => s.candidate.name);
  return { sources: sources.readings, speakers: speakersOf(paragraphs, issueLang, sources.members), doubtful, others };
}

/**
 * Who each quote is by: the source its lead-in hands over to (or names last), else the one named
 * right after it (`Das schreibt X im Atlantic.`), else the section's only source.
 */
function speakersOf(paragraphs: readonly ClassifiedParagraph[], issueLang: Language, groups: Candidate[][]): (number | undefined)[] {
  const groupOf = new Map(groups.flatMap((members, i) => members.map((c) => [c, i] as const)));
  const namedIn = (paragraph: number) =>
    [...groupOf.keys()].flatMap((c) => c.occurrences.filter((o) => o.paragraph === paragraph).map((o) => ({ c, o }))).sort((a, b) => Number(a.o.handsOver) - Number(b.o.handsOver) || a.o.mention.at - b.o.mention.at);
  let speaker: number | undefined;
  return paragraphs.map((p, index) => {
    if (!isQuoted(p, issueLang)) return undefined;
    if (!isQuoted(paragraphs[index - 1], issueLang)) {
      let after = index;
      while (isQuoted(paragraphs[after], issueLang)) after++;
      const who = namedIn(index - 1).pop() ?? namedIn(after).pop();
      speaker = who ? groupOf.get(who.c) : groups.length === 1 ? 0 : undefined;
    }
    return speaker;
  });
}
