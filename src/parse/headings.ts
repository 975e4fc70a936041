// Section headings a reader can scan: the section's source(s) and its subject in a few words
// (`Adam Tooze über Hegemonie und Interregnum`), never its first sentence cut off.
// Note: the subject is the section's most distinctive nouns and names. German capitalises
// nouns, so the candidates are capitalised words inside a sentence (a word opening a sentence
// counts only when the section also writes it capitalised elsewhere); each weighs by how often
// the section uses it and how rare it is in German (terms.ts). Only the section's own text and
// that fixed background decide, so an issue's headings never change when another issue is added.

import { sourceNames, type Source } from '../model.js';
import { stem, tokenize, tokensOf, wordInfo, type TermParagraph, type Token } from './terms.js';

export interface HeadingInput {
  /** The section's paragraphs in reading order (commentary, quotes, list items). */
  paragraphs: TermParagraph[];
  /** The source the section's lead-in names. */
  source?: Source;
  /** Every source of the section, the main one first. */
  sources: Source[];
}

/** Headings longer than this drop their second subject term, then their second source. */
export const HEADING_LENGTH = 60;
/** Subject terms in a heading. */
const SUBJECT_TERMS = 2;
/** Occurrences in the section's first paragraph, where the author introduces the topic, weigh more. */
const LEAD_BOOST = 1.5;

/** A source as a heading names it: `Nathan Benaich (Fortune)`, `Heise`. */
export function sourceLabel(source: Source): string {
  if (source.person && source.outlet) return `${source.person} (${source.outlet})`;
  return source.person ?? source.outlet ?? '';
}

/** The heading of a section: its sources and its subject (`Adam Tooze über Hegemonie und Interregnum`). */
export function sectionHeading(input: HeadingInput, fallback: string): string {
  const sources = headingSources(input);
  const names = sources.flatMap(sourceNames);
  const subject = subjectTerms(input.paragraphs, names);
  const compose = (sourceCount: number, termCount: number) => {
    // The second source by its person's name alone: the heading stays short.
    const who = sources.slice(0, sourceCount).map((s, i) => (i === 0 ? sourceLabel(s) : (s.person ?? s.outlet!))).join(' und ');
    const what = joinTerms(subject.slice(0, termCount));
    if (who && what) return `${who} über ${what}`;
    return who || what;
  };
  for (const [sourceCount, termCount] of [[2, SUBJECT_TERMS], [2, 1], [1, SUBJECT_TERMS], [1, 1], [1, 0]] as const) {
    const heading = compose(sourceCount, termCount);
    if (heading && heading.length <= HEADING_LENGTH) return heading;
  }
  return compose(1, 0) || compose(0, 1) || fallback;
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

/** `A`, `A und B`. */
function joinTerms(terms: string[]): string {
  return terms.length <= 1 ? (terms[0] ?? '') : `${terms.slice(0, -1).join(', ')} und ${terms[terms.length - 1]}`;
}

interface Candidate {
  /** Each form as written, with how often it occurs inside a sentence. */
  forms: Map<string, number>;
  /** Occurrences, those in the lead paragraph weighted more. */
  count: number;
  weight: number;
  /** Position of the first occurrence, to break ties in reading order. */
  first: number;
}

/**
 * The section's subject: its most distinctive capitalised words in German text, best first,
 * leaving out the names already in the heading and words that are part of a better one.
 * @param paragraphs the section's paragraphs
 * @param names names the heading shows already (their words are left out)
 */
export function subjectTerms(paragraphs: TermParagraph[], names: string[] = [], limit = SUBJECT_TERMS): string[] {
  const named = new Set(names.flatMap((name) => tokenize(name).map((t) => stem(t.word))));
  const candidates = new Map<string, Candidate>();
  // Words a sentence opens with count only when the section also writes them capitalised inside
  // a sentence: `Trotz`, `Wenn`, `Also` are capitalised only by their position.
  const inside = new Set<string>();
  const occurrences: { word: string; opensSentence: boolean; lead: boolean; position: number }[] = [];
  let position = 0;
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.lang !== 'de') return;
    const tokens = tokensOf(paragraph);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const info = token.info;
      if (!info.capitalised) continue;
      // A name of several words (`Elon Musk`, `Anne Helms`) is one term.
      const name = nameAt(tokens, i);
      if (name) {
        occurrences.push({ word: name.words.join(' '), opensSentence: false, lead: index === 0, position: position++ });
        i += name.words.length - 1;
        continue;
      }
      for (const word of token.word.includes('-') ? parts(token.word) : [token.word]) {
        const part = word === token.word ? info : wordInfo(word);
        if (!part.capitalised || part.functionWord) continue;
        if (!token.opensSentence) inside.add(word);
        occurrences.push({ word, opensSentence: token.opensSentence && word === token.word, lead: index === 0, position: position++ });
      }
    }
  });
  for (const { word, opensSentence, lead, position } of occurrences) {
    if (opensSentence && !inside.has(word)) continue;
    const phrase = word.includes(' ');
    const key = phrase ? word.toLowerCase() : wordInfo(word).stem;
    if (named.has(key) || (phrase && word.split(' ').some((w) => named.has(stem(w))))) continue;
    let candidate = candidates.get(key);
    if (!candidate) candidates.set(key, (candidate = { forms: new Map(), count: 0, weight: phrase ? Math.max(...word.split(' ').map((w) => wordInfo(w).weight)) : wordInfo(word).weight, first: position }));
    candidate.count += lead ? LEAD_BOOST : 1;
    if (!opensSentence) candidate.forms.set(word, (candidate.forms.get(word) ?? 0) + 1);
  }
  const ranked = [...candidates.values()]
    .map((c) => ({ c, score: (1 + Math.log(c.count)) * c.weight }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.c.first - b.c.first);
  const chosen: string[] = [];
  for (const { c } of ranked) {
    let form = bestForm(c.forms);
    if (!form) continue;
    // A name in the genitive (`Elon Musks`) as the section also writes it without (`Elon Musk`).
    if (form.includes(' ') && form.endsWith('s')) {
      const base = new RegExp(`(?<![\\p{L}])${escapeRegExp(form.slice(0, -1))}(?![\\p{L}])`, 'u');
      if (paragraphs.some((p) => base.test(p.text))) form = form.slice(0, -1);
    }
    // `US-Hegemonie` and `Hegemonie` are one subject: the better-ranked form stays.
    const lower = form.toLowerCase();
    if (chosen.some((t) => overlaps(t.toLowerCase(), lower))) continue;
    chosen.push(form);
    if (chosen.length === limit) break;
  }
  return chosen;
}


/** Most words a name has here (`Vivian Jenna Wilson`). */
const NAME_WORDS = 3;

/**
 * The name of several words starting at token `i`: capitalised words joined by single spaces, each
 * a first name or a word German does not otherwise use (`Elon Musk`, `Anne Helms`, `Goldman Sachs`).
 */
function nameAt(tokens: Token[], i: number): { words: string[] } | undefined {
  const words: string[] = [];
  for (let j = i; j < tokens.length && words.length < NAME_WORDS; j++) {
    const token = tokens[j]!;
    if (j > i && (!token.joined || token.opensSentence)) break;
    const info = token.info;
    if (!info.capitalised || token.word.includes('-') || !(info.firstName || info.unknown)) break;
    words.push(token.word);
  }
  return words.length >= 2 ? { words } : undefined;
}

/** A hyphenated compound and its first and last parts (`US-Hegemonie` → itself, `US`, `Hegemonie`). */
function parts(word: string): string[] {
  const pieces = word.split('-');
  if (pieces.length < 2) return [word];
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  return [word, ...(first.length >= 2 ? [first] : []), ...(last.length >= 4 ? [last] : [])];
}


/** The form written most often (the shorter one on a tie: `Projekt` before `Projekte`). */
function bestForm(forms: Map<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of forms) {
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && (entry[0].length < best[0].length || (entry[0].length === best[0].length && entry[0] < best[0])))) best = entry;
  }
  return best?.[0];
}

/** Whether two terms name one thing: one is a hyphen part of the other, or they share a stem. */
function overlaps(a: string, b: string): boolean {
  const partsA = a.split('-');
  const partsB = b.split('-');
  return a === b || partsA.includes(b) || partsB.includes(a) || stem(a) === stem(b);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
