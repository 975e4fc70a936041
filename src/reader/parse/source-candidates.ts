// The candidates for a section's sources: every name its commentary reads (names/), a surname resolved
// to the full name the issue gives it, with the facts the source model weighs, each a feature: the
// construction that reads it, the part of the section it stands in (the opening, a lead-in before a
// quote, right after one), what it is (a person, a platform, someone in power, a dictionary noun, a
// given name), how often it is named.

import type { Language } from '../../model.js';
import type { ClassifiedParagraph } from './classify.js';
import type { IssueNames } from './issue-names.js';
import { isCommonNoun, isListedNoun, isPlatform, isPowerRole, RECOMMENDS } from './lexicon.js';
import { readNames, type Mention, type NameKind } from './names/index.js';
import { isGenericNoun } from './subjects.js';
import { wordInfo } from './terms.js';

export interface Candidate {
  /** The name resolved against the issue (`Adam Tooze` for `Tooze`), and the key its spellings share (`guardian`). */
  name: string;
  key: string;
  kind: NameKind;
  features: Set<string>;
  /** Where the section names it, and whether it hands over to a quote there. */
  occurrences: { paragraph: number; mention: Mention; handsOver: boolean }[];
  /** The outlet a person speaks in, or the person of an outlet, named with it. */
  partner?: Candidate;
}

const sourceKey = (name: string) => name.toLowerCase().replace(/^(?:the|der|die|das)\s+/, '');

/** Paragraphs read already: the paragraph reader asks about each (findSource), and so do the sections. */
const readCache = new Map<string, Mention[]>();

export function namesIn(text: string): Mention[] {
  let names = readCache.get(text);
  if (names) return names;
  if (readCache.size >= 256) readCache.clear();
  readCache.set(text, (names = readNames(text)));
  return names;
}

/** A quote, or a list in another language (a quoted one). */
export const isQuoted = (p: ClassifiedParagraph | undefined, issueLang: Language) => Boolean(p && (p.kind === 'quote' || (p.kind === 'list' && p.lang !== issueLang)));

/** The candidates of a section, in the order it first names them. */
export function sectionCandidates(paragraphs: readonly ClassifiedParagraph[], issueLang: Language, names: IssueNames): Candidate[] {
  const firstCommentary = paragraphs.findIndex((p) => p.kind !== 'heading');
  const byKey = new Map<string, Candidate>();
  const byMention = new Map<Mention, Candidate>();
  paragraphs.forEach(({ kind, raw }, index) => {
    if (kind !== 'commentary') return;
    // The parts of the section it is; the rest of the commentary names its subjects, hardly its
    // sources (but a piece it recommends), and is not read: that keeps the parser's time.
    const parts = [
      ...(index === firstCommentary ? ['open'] : []),
      ...(isQuoted(paragraphs[index + 1], issueLang) || /:\s*$/.test(raw) ? ['lead'] : []),
      ...(isQuoted(paragraphs[index - 1], issueLang) ? ['after'] : []),
    ];
    if (!parts.length && !RECOMMENDS.test(raw)) return;
    const mentions = namesIn(raw);
    const handing = parts.includes('lead') ? handsOver(mentions) : undefined;
    for (const mention of mentions) {
      const candidate = candidateOf(mention, byKey, names);
      byMention.set(mention, candidate);
      candidate.occurrences.push({ paragraph: index, mention, handsOver: mention === handing });
      occurrenceFeatures(candidate.features, mention, parts.length ? parts : ['other'], mention === handing);
    }
  });
  const candidates = [...byKey.values()];
  for (const c of candidates) {
    const partner = c.occurrences.map((o) => o.mention.partner && byMention.get(o.mention.partner)).find((p) => p && p !== c);
    if (partner) c.partner = partner;
    describe(c);
  }
  attributedAfterQuotes(candidates, paragraphs, issueLang);
  handedOverToAnother(candidates);
  return candidates;
}

/** What one occurrence says: its construction and strength in each part of the section it stands in. */
function occurrenceFeatures(f: Set<string>, mention: Mention, parts: string[], handsOver: boolean): void {
  const level = mention.passing ? 'passing' : mention.strong ? 'strong' : 'weak';
  f.add(`c:${mention.construction}`);
  for (const part of parts) {
    f.add(`${level}@${part}`);
    if (part !== 'other') f.add(`c:${mention.construction}@${part}`);
    if (mention.presents) f.add(`presents@${part}`);
    if (mention.news && !mention.presents) f.add(`news@${part}`);
    if (mention.opensSentence && mention.construction !== 'noun-subject') f.add(`opens-sentence:${mention.kind}@${part}`);
  }
  if (parts.includes('open') && mention.sentence === 0) f.add('opening-sentence');
  if (handsOver) f.add('hands-over');
  if (mention.speaks && !mention.passing) f.add('speaks');
  if (mention.theirs) f.add('theirs');
  if (mention.recommended) f.add('recommended');
  if (mention.role) f.add(isPowerRole(mention.role) ? 'role:power' : 'role');
  if (/^\p{Ll}/u.test(mention.name)) f.add(wordInfo(mention.name).unknown ? 'lower-case' : 'lower-case:known-word');
}

/** Marks the names of a lead-in that hands over to someone else (`Sundar Probe hat … erklärt. … hat Ben Beispiel aufgeschrieben:`). */
function handedOverToAnother(candidates: Candidate[]): void {
  const handing = candidates.flatMap((c) => c.occurrences.filter((o) => o.handsOver).map((o) => ({ c, o })));
  // (Not the partner, nor people joined by `und`, who speak together, nor their partner.)
  const together = (x: Candidate | undefined, paragraph: number, group: number) => Boolean(x?.occurrences.some((y) => y.paragraph === paragraph && y.mention.group === group));
  for (const c of candidates) {
    for (const o of c.occurrences) {
      const other = handing.find(
        (h) => h.o.paragraph === o.paragraph && h.c !== c && h.c !== c.partner && h.o.mention.group !== o.mention.group && !together(h.c.partner, o.paragraph, o.mention.group),
      );
      if (other) {
        c.features.add('another-hands-over');
        break;
      }
    }
  }
}

/** Marks the names of a lead-in whose quote the paragraph after it attributes to another (`Karl Probe hat …` | quote | `So fasst es das Ärzteblatt zusammen.`). */
function attributedAfterQuotes(candidates: Candidate[], paragraphs: readonly ClassifiedParagraph[], issueLang: Language): void {
  paragraphs.forEach((p, lead) => {
    if (p.kind !== 'commentary' || !isQuoted(paragraphs[lead + 1], issueLang)) return;
    let after = lead + 1;
    while (isQuoted(paragraphs[after], issueLang)) after++;
    // (A writer by name, not a phrase, `Dreißig Jahre. Das überlebt …`, nor someone remembered, `wie schon X bemerkte`.)
    const writer = candidates.find(
      (c) => c.occurrences.some((o) => o.paragraph === after && o.mention.strong && o.mention.sentence === 0) && !['phrase-shape', 'generic-noun', 'background'].some((f) => c.features.has(f)),
    );
    for (const c of candidates)
      if (writer && c !== writer && c !== writer.partner && c.occurrences.some((o) => o.paragraph === lead && !o.mention.presents)) c.features.add('quote-attributed-to-another');
  });
}

/** The mention a lead-in hands over to: the last in a speaker's position but someone only in the news; of people joined by `und`, the first. */
function handsOver(mentions: Mention[]): Mention | undefined {
  const last = mentions.filter((m) => m.strong && !(m.news && !m.presents)).pop() ?? mentions.filter((m) => m.speaks && !m.passing).pop();
  return last && (mentions.find((m) => m.group === last.group) ?? last);
}

/** The candidate a mention names: a surname alone is the person the section or (for a speaker) the issue names in full. */
function candidateOf(mention: Mention, byKey: Map<string, Candidate>, names: IssueNames): Candidate {
  let [name, kind] = [mention.name, mention.kind];
  const full = mention.single ? ([...byKey.values()].find((c) => c.kind === 'person' && c.name.endsWith(` ${name}`))?.name ?? (mention.passing ? undefined : names.fullName(name))) : undefined;
  if (full) [name, kind] = [full, 'person'];
  const key = sourceKey(name);
  let candidate = byKey.get(key);
  if (!candidate) byKey.set(key, (candidate = { name, key, kind, features: new Set(), occurrences: [] }));
  if (mention.single) candidate.features.add(full ? 'surname-resolved' : 'single');
  if (mention.kindSure) candidate.features.add('kind-sure');
  return candidate;
}

/** What a candidate's name is (a person's, a platform, a dictionary noun, a given name) and how often the section names it. */
function describe(c: Candidate): void {
  const words = c.name.split(/\s+/);
  const f = c.features;
  f.add(c.kind);
  if (c.partner) f.add(`partner:${c.partner.kind}`);
  if (c.occurrences.every((o) => o.mention.background)) f.add('background');
  if (c.occurrences.every((o) => o.mention.listed)) f.add('listed');
  if (c.occurrences.some((o) => o.mention.publishing)) f.add('publishing-verb');
  if (words.length === 1) f.add(isListedNoun(c.name) ? 'one-word:noun' : 'one-word');
  if (isPlatform(c.name)) f.add('platform');
  if (words.some(isGenericNoun)) f.add('generic-noun');
  if (wordInfo(words[0]!).firstName) f.add('given-name');
  if (c.occurrences.length >= 2) f.add('named-again');
  for (const shape of nameShape(c)) f.add(shape);
}

/** A phrase of German words (`Gute Nachrichten`, `Zwei Texte`): a dictionary noun or common word, then nouns; no person's name, no medium's title; opening its sentence, where any word is capitalised. */
function nameShape(c: Candidate): string[] {
  const words = c.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  // (`&` joins the names of a firm: `Muster & Probe`.)
  if (words.length < 2 || c.name.includes('&')) return [];
  const first = wordInfo(words[0]!);
  const firstCommon = !first.personName && (isListedNoun(words[0]!) || (!first.unknown && first.weight <= COMMON_WEIGHT));
  // (A construction that names a medium makes common words a title: `der Podcast Kaltes Kalkül`.)
  const titled = c.occurrences.some((o) => MEDIUM_CONSTRUCTION.test(o.mention.construction));
  if (!firstCommon || titled || !words.slice(1).every((w) => isCommonNoun(w))) return [];
  return c.occurrences.some((o) => o.mention.initialWord) ? ['phrase-shape', 'phrase-shape:initial'] : ['phrase-shape'];
}

/** ln of the rank of the commonest thousand German words. */
const COMMON_WEIGHT = Math.log(1000);
const MEDIUM_CONSTRUCTION = /^(?:named-|title-|outlet-|after-laut|after-via|piece-|interview-|affiliation|possessive|compound-piece|complement)/;
