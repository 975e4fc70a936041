// Sources: the people and outlets whose words a section quotes or whose piece it presents. They
// become the section's heading and fill the source index. A name in the news is not a source:
// `Die Ministerin hat gestern … verkündet. Die Zeit mit den Hintergründen.` has the source Die Zeit.
//
// Names and what their positions say come from names.ts. Here the section decides, reading every
// paragraph of the author's commentary in its place:
// - a lead-in (right before a quote, or ending with `:`) hands over to the one who speaks next:
//   its names in a speaker's position are sources, the last of them the quote's speaker;
// - the opening paragraph presents the section's piece (`schreibt X in Y`, `Die Wired hat einen
//   Artikel`); where the section has quotes, only the names it joins to a piece or medium count, so
//   that the subject of the news (`Donald Trump sprach …`) is not taken for the source;
// - right after a quote, a name joined to a piece attributes it (`in einem Paper von Google`);
// - elsewhere, only a piece the author recommends (`In einem lesenswerten Stück in der Vanity Fair`).
// A surname alone is the person the issue names in full (`Tooze` → `Adam Tooze`).

import type { Language, Source } from '../model.js';
import type { ClassifiedParagraph } from './classify.js';
import { isCommonNoun, isFunctionWord, isOutletWord, isRole, mayNameSource, RECOMMENDS } from './lexicon.js';
import { readNames, type Mention } from './names/index.js';

/** A source of a section, with how sure the reading is and why. */
export interface SourceReading {
  source: Source;
  /** 0 (a guess) to 1 (certain, e.g. set by the author in front matter). */
  confidence: number;
  /** Why each of its names was taken, and as what kind. */
  reasons: string[];
}

export interface SectionSources {
  /** The section's sources, the main one (for the heading) first. */
  sources: SourceReading[];
  /** For each paragraph of the section: the index into `sources` of who a quote is from. */
  speakers: (number | undefined)[];
}

/** Paragraph texts already read: the classifier asks about each paragraph, and so do the sections. */
const readCache = new Map<string, Mention[]>();

function namesIn(text: string): Mention[] {
  let mentions = readCache.get(text);
  if (!mentions) {
    mentions = readNames(text);
    if (readCache.size >= 256) readCache.clear();
    readCache.set(text, mentions);
  }
  return mentions;
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
 * What an issue says about its names as a whole: the full names of people (to read a surname
 * alone) and the outlets its sections have named so far (to read `Prospect` after `The American
 * Prospect`). Made once per issue; the text is searched only when a single name needs it.
 */
export class IssueNames {
  private fullNames?: Map<string, Map<string, number>>;
  /** Outlets named so far, by their name and by each of its words (lower case). */
  private readonly outlets = new Map<string, string>();
  private readonly outletWords = new Map<string, string>();

  constructor(private readonly texts: readonly string[]) {}

  /** The full name the issue gives a surname (`Tooze` → `Adam Tooze`), the commonest if several. */
  fullName(surname: string): string | undefined {
    this.fullNames ??= collectFullNames(this.texts);
    const names = this.fullNames.get(surname);
    if (!names) return undefined;
    return [...names.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }

  /** An outlet named before whose name ends with (or is) this one (`Prospect` → `The American Prospect`). */
  outlet(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.outlets.get(lower) ?? this.outletWords.get(lower);
  }

  noteOutlet(name: string): void {
    const lower = name.toLowerCase();
    if (this.outlets.has(lower)) return;
    this.outlets.set(lower, name);
    for (const word of lower.split(/\s+/)) if (!this.outletWords.has(word)) this.outletWords.set(word, name);
  }
}

/** Runs of two to four capitalised words in the whole issue, by their last word: the people it names in full. */
function collectFullNames(texts: readonly string[]): Map<string, Map<string, number>> {
  const byLast = new Map<string, Map<string, number>>();
  const run = /(?:\p{Lu}\.\s?|\p{Lu}[\p{L}'’-]+\s+){1,4}\p{Lu}[\p{L}'’-]+/gu;
  // Note: bounds on each paragraph and on the whole keep a huge issue cheap; a normal one is read whole.
  let budget = 300_000;
  for (const text of texts) {
    if (budget <= 0) break;
    const part = text.slice(0, Math.min(20_000, budget));
    budget -= part.length;
    for (const match of part.matchAll(run)) {
      if (/^The\s/.test(match[0]) || match[0].includes('&')) continue;
      let words = match[0].split(/\s+/);
      // Roles, common nouns and sentence openers before the name (`Der Google KI-Forscher Francois Chollet`).
      const notName = (w: string) => isRole(w) || isFunctionWord(w) || (isCommonNoun(w) && !w.includes('.'));
      const lastNotName = words.slice(0, -1).findLastIndex(notName);
      words = words.slice(lastNotName + 1);
      if (words.length < 2 || words.some((w) => isOutletWord(w))) continue;
      const last = words[words.length - 1]!.replace(/[’']s$/, '');
      const full = [...words.slice(0, -1), last].join(' ');
      const names = byLast.get(last) ?? byLast.set(last, new Map()).get(last)!;
      names.set(full, (names.get(full) ?? 0) + 1);
    }
  }
  return byLast;
}

/** A name taken for a source, as the section reads it. */
interface Taken {
  mention: Mention;
  /** Index of the paragraph in the section. */
  paragraph: number;
  name: string;
  kind: 'person' | 'outlet';
  role: string;
  speaker: boolean;
  partner?: Taken;
}

/**
 * The sources of a section: its commentary read paragraph by paragraph (see the top of this file).
 * `issueLang` tells quoted lists (in another language) from the author's own.
 */
export function sectionSources(paragraphs: readonly ClassifiedParagraph[], issueLang: Language, names: IssueNames = new IssueNames(paragraphs.map((p) => p.raw))): SectionSources {
  const quoted = (p: ClassifiedParagraph | undefined) => Boolean(p && (p.kind === 'quote' || (p.kind === 'list' && p.lang !== issueLang)));
  const hasQuotes = paragraphs.some(quoted);
  const firstCommentary = paragraphs.findIndex((p) => p.kind !== 'heading');
  const taken: Taken[] = [];
  /** The names taken so far, by name and by a person's surname (the first of each). */
  const known = new Map<string, Taken>();
  const note = (t: Taken) => {
    if (!known.has(t.name)) known.set(t.name, t);
    const surname = t.kind === 'person' ? t.name.split(/\s+/).pop()! : undefined;
    if (surname && !known.has(`surname:${surname}`)) known.set(`surname:${surname}`, t);
  };
  /** For each lead-in paragraph, the name its quotes are from. */
  const leadSpeaker = new Map<number, Taken>();

  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind !== 'commentary') return;
    const next = paragraphs[index + 1];
    const leadIn = (quoted(next) || /:\s*$/.test(paragraph.raw)) && !announcesOwnText(paragraph.raw);
    const opening = index === firstCommentary;
    const afterQuote = quoted(paragraphs[index - 1]);
    if (!leadIn && !opening && !afterQuote && !(RECOMMENDS.test(paragraph.raw) && namesIn(paragraph.raw).some((m) => m.presents && m.recommended))) return;
    const mentions = namesIn(paragraph.raw).filter((m) => !m.background);
    let chosen: Mention[];
    let speaker: Mention | undefined;
    let role: string;
    if (leadIn) {
      const lastSentence = Math.max(...mentions.map((m) => m.sentence), -1);
      const strong = mentions.filter((m) => m.strong);
      const inLast = (ms: Mention[]) => ms.filter((m) => m.sentence === lastSentence);
      // The last name in a speaker's position hands over; without one, the subject of the sentence that hands over.
      speaker = inLast(strong).pop() ?? strong[strong.length - 1] ?? inLast(mentions.filter((m) => m.speaks)).pop();
      // People joined by `und` speak together: the first of them leads.
      if (speaker) speaker = mentions.find((m) => m.group === speaker!.group) ?? speaker;
      chosen = [...strong, ...(speaker && !speaker.strong ? [speaker] : [])];
      role = opening ? 'in the opening lead-in' : 'in a lead-in';
    } else if (opening) {
      // Without quotes, a speaker counts too, but not one who only speaks as in the news (`Donald Trump sprach …`).
      chosen = mentions.filter((m) => (hasQuotes ? m.presents : m.presents || (m.strong && !m.news)));
      role = hasQuotes ? 'presented in the opening' : 'in the opening';
    } else if (afterQuote) {
      chosen = mentions.filter((m) => m.strong && m.presents);
      role = 'attributing the quote before';
    } else {
      chosen = mentions.filter((m) => m.presents && m.recommended);
      role = 'a piece recommended';
    }
    const here: Taken[] = [];
    for (const mention of chosen) {
      const t = take(mention, index, role, names, known);
      here.push(t);
      note(t);
    }
    // A person and the outlet they speak in belong together.
    for (const t of here) {
      const partner = t.mention.partner && here.find((o) => o.mention === t.mention.partner);
      if (partner && t.kind === 'person' && partner.kind === 'outlet') t.partner = partner;
    }
    if (speaker) {
      const s = here.find((t) => t.mention === speaker || t.mention === speaker!.partner);
      const person = s?.kind === 'outlet' ? here.find((t) => t.partner === s) : undefined;
      if (person ?? s) {
        (person ?? s)!.speaker = true;
        leadSpeaker.set(index, (person ?? s)!);
      }
    }
    // A lead-in that names no new speaker may name one the section has already (`… taucht Tooze tief in
    // die Analyse ein …:`): the quote is theirs.
    if (leadIn && !leadSpeaker.has(index)) {
      const named = [...namesIn(paragraph.raw)].reverse().map((m) => known.get(m.name) ?? known.get(`surname:${m.name}`)).find(Boolean);
      if (named) leadSpeaker.set(index, named);
    }
    for (const t of here) if (t.kind === 'outlet') names.noteOutlet(t.name);
    taken.push(...here);
  });

  const readings = toReadings(taken, firstCommentary, leadSpeaker);
  const readingOf = new Map<string, number>();
  readings.forEach((r, i) => r.names.forEach((name) => readingOf.has(name) || readingOf.set(name, i)));
  let lead = -1;
  const speakers = paragraphs.map((p, index) => {
    if (!quoted(p)) return undefined;
    if (!quoted(paragraphs[index - 1])) lead = index - 1;
    const who = leadSpeaker.get(lead);
    const at = who ? readingOf.get(key(who.name)) : undefined;
    if (at !== undefined) return at;
    return readings.length === 1 ? 0 : undefined;
  });
  return { sources: readings.map(({ names: _, ...reading }) => reading), speakers };
}

/** A lead-in with which the author announces his own text (`Ok, hier ein einfaches Modell:`, `schrieb ich:`). */
function announcesOwnText(text: string): boolean {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const last = sentences[sentences.length - 1] ?? text;
  return /^(?:Ok|OK|Okay|Mein Vorschlag|Hier (?:die|der|das|ein|eine|einen|meine?)\b)/.test(last) || /\b(?:ich|Ich|mir|mich)\b/.test(last);
}

/** A mention as a name the section takes, resolved against the issue (`Tooze` → `Adam Tooze`). */
function take(mention: Mention, paragraph: number, role: string, names: IssueNames, known: Map<string, Taken>): Taken {
  let name = mention.name;
  let kind = mention.kind;
  const outlet = kind === 'outlet' && !name.includes(' ') ? names.outlet(name) : undefined;
  if (outlet) name = outlet;
  else if (mention.single) {
    const full = known.get(`surname:${name}`)?.name ?? names.fullName(name);
    if (full) {
      name = full;
      kind = 'person';
    }
  }
  return { mention, paragraph, name, kind, role, speaker: false };
}

/** How many reasons a source keeps for `npm run check`. */
const MAX_REASONS = 4;

/** Media whose people the section may quote without naming it again. */
const PERSONAL_MEDIUM = /^(?:named with|title after) "(?:Newsletter|Blog|Podcast|Kanal|Channel|Substack|Videoblog)/i;

const key = (name: string) => name.toLowerCase().replace(/^(?:the|der|die|das)\s+/, '');

/** The section's sources from the names taken: one per person (with their outlet) or outlet, main first. */
function toReadings(taken: Taken[], firstCommentary: number, leadSpeaker: Map<number, Taken>): (SourceReading & { names: Set<string> })[] {
  // A newsletter, blog or podcast the section opens with, and people it quotes later with no outlet
  // of their own: they are its authors (`Der Newsletter SnakeOil-AI …` … `Sayash Kapoor und Arvind Narayanan fassen …:`).
  const partnered = new Set(taken.map((t) => t.partner));
  const medium = taken.find((t) => t.paragraph === firstCommentary && t.kind === 'outlet' && PERSONAL_MEDIUM.test(t.mention.why) && !partnered.has(t));
  const author = medium && !taken.some((t) => t.paragraph === firstCommentary && t.kind === 'person') ? taken.find((t) => t.kind === 'person' && !t.partner && t.paragraph > firstCommentary) : undefined;
  if (medium && author) {
    author.partner = medium;
    partnered.add(medium);
  }
  const readings: (SourceReading & { names: Set<string>; order: number })[] = [];
  const byName = new Map<string, SourceReading & { names: Set<string>; order: number }>();
  const find = (name: string) => byName.get(key(name));
  const named = (reading: SourceReading & { names: Set<string> }, name: string) => {
    reading.names.add(key(name));
    if (!byName.has(key(name))) byName.set(key(name), reading as SourceReading & { names: Set<string>; order: number });
  };
  taken.forEach((t, order) => {
    if (t.kind === 'outlet' && partnered.has(t)) return;
    const existing = find(t.name) ?? (t.partner ? find(t.partner.name) : undefined);
    const reason = describe(t);
    if (existing) {
      if (t.kind === 'person' && !existing.source.person) existing.source = { person: t.name, ...existing.source };
      if (t.partner && !existing.source.outlet) existing.source = { ...existing.source, outlet: t.partner.name };
      named(existing, t.name);
      if (t.partner) named(existing, t.partner.name);
      // A few reasons tell why; a source named in every paragraph of a huge section need not list them all.
      if (existing.reasons.length < MAX_REASONS && !existing.reasons.includes(reason)) existing.reasons.push(reason);
      existing.confidence = Math.max(existing.confidence, confidenceOf(t));
      return;
    }
    const source: Source = t.kind === 'person' ? { person: t.name, ...(t.partner ? { outlet: t.partner.name } : {}) } : { outlet: t.name };
    const reading = { source, confidence: confidenceOf(t), reasons: [reason, ...(t.partner ? [describe(t.partner)] : [])], names: new Set<string>(), order };
    readings.push(reading);
    named(reading, t.name);
    if (t.partner) named(reading, t.partner.name);
  });
  // The main source: the one the opening paragraph presents (where it leads in to a quote, the
  // quote's speaker, unless it names another source in an earlier sentence), else the speaker of
  // the first quote.
  const opening = taken.find((t) => t.paragraph === firstCommentary);
  const openingSpeaker = leadSpeaker.get(firstCommentary);
  const firstQuoteLead = [...leadSpeaker.entries()].sort((a, b) => a[0] - b[0])[0]?.[1];
  const main = opening && openingSpeaker && openingSpeaker.mention.sentence <= opening.mention.sentence ? openingSpeaker : (opening ?? firstQuoteLead);
  const mainAt = main ? readings.indexOf(byName.get(key(main.name))!) : -1;
  if (mainAt > 0) readings.unshift(...readings.splice(mainAt, 1));
  return readings.map(({ order: _, ...r }) => r);
}

function describe(t: Taken): string {
  const m = t.mention;
  const written = t.name !== m.name ? ` (written "${m.name}")` : '';
  const kind = t.kind === 'person' && m.single ? 'a surname the issue names in full' : m.kindReason;
  const why = kind === m.why ? t.kind : `${t.kind} (${kind})`;
  return `${t.name}${written}: ${why}, ${m.why}, ${t.role}${t.speaker ? ', the quote is theirs' : ''}`;
}

function confidenceOf(t: Taken): number {
  const m = t.mention;
  let c = 0.5;
  if (m.strong) c += 0.2;
  else c -= 0.15;
  if (m.presents) c += 0.1;
  if (t.speaker) c += 0.1;
  if (m.kindSure) c += 0.1;
  if (m.single && t.name === m.name) c -= 0.2;
  return Math.round(Math.min(0.95, Math.max(0.05, c)) * 100) / 100;
}
