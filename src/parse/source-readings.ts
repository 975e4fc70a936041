// From the names a section takes to its sources: one per person (with their outlet) or outlet,
// the main one first, each with a confidence and the reasons `npm run check` shows.

import type { Source } from '../model.js';
import type { IssueNames } from './issue-names.js';
import type { Mention } from './names/index.js';

/** A source of a section, with how sure the reading is and why. */
export interface SourceReading {
  source: Source;
  /** 0 (a guess) to 1 (certain, e.g. set by the author in front matter). */
  confidence: number;
  /** Why each of its names was taken, and as what kind. */
  reasons: string[];
}

/** A name taken for a source, as the section reads it. */
export interface Taken {
  mention: Mention;
  /** Index of the paragraph in the section. */
  paragraph: number;
  name: string;
  kind: 'person' | 'outlet';
  role: string;
  speaker: boolean;
  partner?: Taken;
}

/** A mention as a name the section takes, resolved against the issue (`Tooze` → `Adam Tooze`). */
export function take(mention: Mention, paragraph: number, role: string, names: IssueNames, known: Map<string, Taken>): Taken {
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

/** Two spellings of one source (`The Guardian`, `Guardian`) share this key. */
export const sourceKey = (name: string) => name.toLowerCase().replace(/^(?:the|der|die|das)\s+/, '');

/** The section's sources from the names taken: one per person (with their outlet) or outlet, main first. */
export function toReadings(taken: Taken[], firstCommentary: number, leadSpeaker: Map<number, Taken>): (SourceReading & { names: Set<string> })[] {
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
  const find = (name: string) => byName.get(sourceKey(name));
  const named = (reading: SourceReading & { names: Set<string> }, name: string) => {
    reading.names.add(sourceKey(name));
    if (!byName.has(sourceKey(name))) byName.set(sourceKey(name), reading as SourceReading & { names: Set<string>; order: number });
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
  const mainAt = main ? readings.indexOf(byName.get(sourceKey(main.name))!) : -1;
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
