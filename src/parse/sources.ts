// Sources: the people and outlets whose words a section quotes or whose piece it presents. They
// become the section's heading and fill the source index. A name in the news is not a source:
// `Die Ministerin hat gestern … verkündet. Die Zeit mit den Hintergründen.` has the source Die Zeit.
//
// Names and what their positions say come from names/; the sources they make, from source-readings.ts. Here the section decides, reading every
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
import { isReportingVerb, mayNameSource, RECOMMENDS } from './lexicon.js';
import { IssueNames } from './issue-names.js';
import { readNames, type Mention } from './names/index.js';
import { sourceKey, take, toReadings, type SourceReading, type Taken } from './source-readings.js';

export { IssueNames } from './issue-names.js';
export type { SourceReading } from './source-readings.js';


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
      // Someone who only speaks as in the news before the sentence that hands over is not the one quoted
      // (`Olaf Muster hat gestern gesagt, … Übermedien hat das auseinandergenommen:`).
      // (Nor before a reporter in the same sentence: `Christian Muster warnt …, berichtet der NDR:`.)
      const newsOnly = (m: Mention) => m.news && !m.presents && (m.sentence !== lastSentence || mentions.some((o) => o.strong && !o.news && o.at > m.at));
      const strong = mentions.filter((m) => m.strong && !newsOnly(m));
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
      // (`Das berichtet die FAZ.`: a sentence that says only who wrote it.)
      const [first = '', second = ''] = paragraph.raw.split(/\s+/, 2);
      const saysWho = /^(?:Das|So|Dies)$/.test(first) && isReportingVerb(second.replace(/[.,:;!?]+$/, ''));
      chosen = mentions.filter((m) => m.strong && (m.presents || (saysWho && m.sentence === 0 && m.speaks && !m.news)));
      role = saysWho ? 'saying who wrote the quote before' : 'attributing the quote before';
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

  const readings = toReadings(attributeAfterQuotes(taken, leadSpeaker, paragraphs, quoted), firstCommentary, leadSpeaker);
  const readingOf = new Map<string, number>();
  readings.forEach((r, i) => r.names.forEach((name) => readingOf.has(name) || readingOf.set(name, i)));
  let lead = -1;
  const speakers = paragraphs.map((p, index) => {
    if (!quoted(p)) return undefined;
    if (!quoted(paragraphs[index - 1])) lead = index - 1;
    const who = leadSpeaker.get(lead);
    const at = who ? readingOf.get(sourceKey(who.name)) : undefined;
    if (at !== undefined) return at;
    return readings.length === 1 ? 0 : undefined;
  });
  return { sources: readings.map(({ names: _, ...reading }) => reading), speakers };
}

/**
 * A quote whose lead-in names only someone in the news (`Donald Muster hat Zölle angekündigt.`, a
 * subject of no verb of writing) and whose next paragraph says who wrote it (`Das schreibt Charlie
 * Beispiel im Atlantic.`) is the writer's: the one in the news is no source.
 */
function attributeAfterQuotes(taken: Taken[], leadSpeaker: Map<number, Taken>, paragraphs: readonly ClassifiedParagraph[], quoted: (p: ClassifiedParagraph | undefined) => boolean): Taken[] {
  const dropped = new Set<Taken>();
  for (const [lead, speaker] of leadSpeaker) {
    const m = speaker.mention;
    let after = lead + 1;
    while (quoted(paragraphs[after])) after++;
    if (after === lead + 1 || m.presents) continue;
    const attributes = (t: Taken) => t.paragraph === after && (t.role === 'attributing the quote before' || t.role === 'saying who wrote the quote before');
    const writer = taken.find((t) => attributes(t) && t.kind === 'person') ?? taken.find(attributes);
    // A strong speaker of the lead-in gives way only to a sentence that says who wrote the quote (`So fasst es X zusammen.`).
    if (!writer || (m.strong && !m.news && writer.role !== 'saying who wrote the quote before')) continue;
    const says = writer.role === 'saying who wrote the quote before';
    for (const t of taken) if (t.paragraph === lead && !t.mention.presents && (t.mention.news || !t.mention.strong || says)) dropped.add(t);
    speaker.speaker = false;
    writer.speaker = true;
    leadSpeaker.set(lead, writer);
  }
  return dropped.size ? taken.filter((t) => !dropped.has(t)) : taken;
}

/** A lead-in with which the author announces his own text (`Ok, hier ein einfaches Modell:`, `schrieb ich:`). */
function announcesOwnText(text: string): boolean {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const last = sentences[sentences.length - 1] ?? text;
  return /^(?:Ok|OK|Okay|Mein Vorschlag|Hier (?:die|der|das|ein|eine|einen|meine?)\b)/.test(last) || /\b(?:ich|Ich|mir|mich)\b/.test(last);
}
