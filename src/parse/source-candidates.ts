// The candidates for a section's sources: every name its commentary reads (names/), resolved
// against the issue (a surname to the full name, `Prospect` to `The American Prospect`), with the
// facts the source model (source-model.ts) weighs: the construction that reads it, the part of the
// section it stands in (the opening, a lead-in before a quote, right after a quote), what it is (a
// person, a platform, someone in power, a dictionary noun) and how often the section names it.

import type { Language } from '../model.js';
import type { ClassifiedParagraph } from './classify.js';
import type { IssueNames } from './issue-names.js';
import { isGenericNoun, isListedNoun, isPlatform, isPowerRole, RECOMMENDS } from './lexicon.js';
import { readNames, type Mention, type NameKind } from './names/index.js';
import { wordInfo } from './terms.js';

/** A name the section may have for a source, with the facts the model weighs (each a feature name). */
export interface Candidate {
  /** The name resolved against the issue (`Adam Tooze` for `Tooze`). */
  name: string;
  kind: NameKind;
  /** The key two spellings of one source share (`the guardian`, `guardian`). */
  key: string;
  features: Set<string>;
  /** Where the section names it: the paragraph's index, the mention, and whether it hands over to a quote. */
  occurrences: { paragraph: number; mention: Mention; handsOver: boolean }[];
  /** The outlet a person speaks in, or the person of an outlet, named with it. */
  partner?: Candidate;
}

/** Two spellings of one source (`The Guardian`, `Guardian`) share this key. */
export const sourceKey = (name: string) => name.toLowerCase().replace(/^(?:the|der|die|das)\s+/, '');

/** Paragraph texts already read: the classifier asks about each paragraph, and so do the sections. */
const readCache = new Map<string, Mention[]>();

export function namesIn(text: string): Mention[] {
  let mentions = readCache.get(text);
  if (!mentions) {
    mentions = readNames(text);
    if (readCache.size >= 256) readCache.clear();
    readCache.set(text, mentions);
  }
  return mentions;
}

/** A paragraph read with quotes (and lists in another language) around it. */
export const isQuoted = (p: ClassifiedParagraph | undefined, issueLang: Language) => Boolean(p && (p.kind === 'quote' || (p.kind === 'list' && p.lang !== issueLang)));

/** The parts of a section a paragraph of commentary is: the opening, a lead-in to a quote, right after one, elsewhere. */
function partsOf(paragraphs: readonly ClassifiedParagraph[], index: number, issueLang: Language, opening: boolean): string[] {
  const raw = paragraphs[index]!.raw;
  const parts = opening ? ['open'] : [];
  if (isQuoted(paragraphs[index + 1], issueLang) || /:\s*$/.test(raw)) parts.push(announcesOwnText(raw) ? 'own' : 'lead');
  if (isQuoted(paragraphs[index - 1], issueLang)) parts.push('after');
  return parts.length ? parts : ['other'];
}

/** The candidates of a section, in the order the section first names them. */
export function sectionCandidates(paragraphs: readonly ClassifiedParagraph[], issueLang: Language, names: IssueNames): Candidate[] {
  const firstCommentary = paragraphs.findIndex((p) => p.kind !== 'heading');
  const byKey = new Map<string, Candidate>();
  const byMention = new Map<Mention, Candidate>();
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind !== 'commentary') return;
    const parts = partsOf(paragraphs, index, issueLang, index === firstCommentary);
    // Note: the rest of the commentary names the section's subjects, hardly its sources (but a piece
    // it recommends); it is not read, which keeps the parser's time per issue.
    if (parts[0] === 'other' && !RECOMMENDS.test(paragraph.raw)) return;
    const mentions = namesIn(paragraph.raw);
    const handing = parts.includes('lead') ? handsOver(mentions) : undefined;
    for (const mention of mentions) {
      const candidate = candidateOf(mention, byKey, names);
      byMention.set(mention, candidate);
      candidate.occurrences.push({ paragraph: index, mention, handsOver: mention === handing });
      const f = candidate.features;
      occurrenceFeatures(f, mention, parts);
      if (mention === handing) f.add('hands-over');
    }
  });
  const candidates = [...byKey.values()];
  attributedAfterQuotes(candidates, paragraphs, issueLang);
  for (const candidate of candidates) {
    const partner = candidate.occurrences.map((o) => o.mention.partner && byMention.get(o.mention.partner)).find(Boolean);
    if (partner && partner !== candidate) candidate.partner = partner;
    describe(candidate, names);
    if (candidate.kind === 'outlet' && candidate.features.has('strong@open')) names.noteOutlet(candidate.name);
  }
  names.endSection(candidates.map((c) => c.key));
  return candidates;
}

/** What one occurrence says: its construction and strength in each part of the section it stands in. */
function occurrenceFeatures(f: Set<string>, mention: Mention, parts: string[]): void {
  const level = mention.passing ? 'passing' : mention.strong ? 'strong' : 'weak';
  f.add(`c:${mention.construction}`);
  for (const part of parts) {
    f.add(`${level}@${part}`);
    if (part !== 'other') f.add(`c:${mention.construction}@${part}`);
    if (mention.presents) f.add(`presents@${part}`);
    if (mention.news && !mention.presents) f.add(`news@${part}`);
  }
  if (parts.includes('open') && mention.sentence === 0) f.add('opening-sentence');
  if (mention.opensSentence && mention.construction !== 'noun-subject') for (const part of parts) f.add(`opens-sentence:${mention.kind}@${part}`);
  if (mention.recommended) f.add('recommended');
  if (mention.role) f.add(isPowerRole(mention.role) ? 'role:power' : 'role');
}

/**
 * Marks the names of a lead-in whose quote the paragraph after it attributes to another (`Karl
 * Muster hat die Reform durchgebracht.` | quote | `So fasst es das Ärzteblatt zusammen.`).
 */
function attributedAfterQuotes(candidates: Candidate[], paragraphs: readonly ClassifiedParagraph[], issueLang: Language): void {
  paragraphs.forEach((p, lead) => {
    if (p.kind !== 'commentary' || !isQuoted(paragraphs[lead + 1], issueLang)) return;
    let after = lead + 1;
    while (isQuoted(paragraphs[after], issueLang)) after++;
    const writer = candidates.find((c) => c.occurrences.some((o) => o.paragraph === after && o.mention.strong && o.mention.sentence === 0));
    if (!writer) return;
    for (const c of candidates) {
      if (c !== writer && c !== writer.partner && c.occurrences.some((o) => o.paragraph === lead && !o.mention.presents)) c.features.add('quote-attributed-to-another');
    }
  });
}

/** The mention a lead-in hands over to: the last one in a speaker's position, not someone only in the news. */
function handsOver(mentions: Mention[]): Mention | undefined {
  const speakers = mentions.filter((m) => m.strong && !(m.news && !m.presents));
  const last = speakers[speakers.length - 1] ?? mentions.filter((m) => m.speaks && !m.passing).pop();
  // People joined by `und` speak together: the first of them leads.
  return last && (mentions.find((m) => m.group === last.group) ?? last);
}

/** The candidate a mention names: a surname alone is the person the section or the issue names in full. */
function candidateOf(mention: Mention, byKey: Map<string, Candidate>, names: IssueNames): Candidate {
  let name = mention.name;
  let kind = mention.kind;
  let resolved = false;
  const outlet = kind === 'outlet' && !name.includes(' ') ? names.outlet(name) : undefined;
  if (outlet) name = outlet;
  else if (mention.single) {
    // (A word in passing only by the section's own names: most are no surname, and the issue's are read once asked.)
    const full = [...byKey.values()].find((c) => c.kind === 'person' && c.name.endsWith(` ${name}`))?.name ?? (mention.passing ? undefined : names.fullName(name));
    if (full) [name, kind, resolved] = [full, 'person', true];
  }
  const key = sourceKey(name);
  let candidate = byKey.get(key);
  if (!candidate) byKey.set(key, (candidate = { name, kind, key, features: new Set(), occurrences: [] }));
  if (mention.single && !resolved) candidate.features.add('single');
  if (resolved) candidate.features.add('surname-resolved');
  if (mention.kindSure) candidate.features.add('kind-sure');
  return candidate;
}

/** What a candidate's name is: a person's, a platform, an organisation, a dictionary noun; how often the section names it. */
function describe(candidate: Candidate, names: IssueNames): void {
  const f = candidate.features;
  const words = candidate.name.split(/\s+/);
  const first = words[0]!;
  f.add(candidate.kind === 'person' ? 'person' : 'outlet');
  if (candidate.partner) f.add(`partner:${candidate.partner.kind}`);
  if (candidate.occurrences.every((o) => o.mention.background)) f.add('background');
  if (words.length === 1) f.add(isListedNoun(first) ? 'one-word:noun' : 'one-word');
  if (isPlatform(candidate.name)) f.add('platform');
  if (words.some(isGenericNoun)) f.add('generic-noun');
  const info = wordInfo(first);
  if (info.firstName) f.add('given-name');

  if (candidate.occurrences.length >= 2) f.add('named-again');
  if (names.inLastSection(candidate.key)) f.add('in-previous-section');
}


/** A lead-in with which the author announces his own text (`Ok, hier ein einfaches Modell:`, `schrieb ich:`). */
function announcesOwnText(text: string): boolean {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const last = sentences[sentences.length - 1] ?? text;
  return /^(?:Ok|OK|Okay|Mein Vorschlag|Hier (?:die|der|das|ein|eine|einen|meine?)\b)/.test(last) || /\b(?:ich|Ich|mir|mich)\b/.test(last);
}
