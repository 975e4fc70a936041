// What a section is about, for its heading: the lead-in's own phrase (`… über das
// Souveränitäts-Paradox`), else one noun or name of the section's German text, chosen by a small
// logistic model (subject-weights.json, trained on the gold headings by cross-validation,
// scripts/sources/headings.ts). A heading with a wrong word is worse than a shorter one: where no
// word is likely enough, the heading names the source alone.

import { isListedNoun, isPiece, isReportingVerb, isRole } from './lexicon.js';
import { logit, sigmoid, swappable, type Logistic } from './source-model.js';
import stored from './subject-weights.json' with { type: 'json' };
import { stem, tokenize, tokensOf, wordInfo, type TermParagraph, type Token } from './terms.js';

export interface SubjectModel {
  subject: Logistic;
  /** From this probability a word is the section's subject. */
  threshold: number;
  penalty: number;
}

const model = swappable<SubjectModel>(stored);
/** Runs `read` with another model (scoring reads each labelled group with a model trained without it). */
export const withSubjectModel = model.with;

/** A word or name the section may be about, with what the model weighs. */
export interface SubjectCandidate {
  /** The form the section writes most often. */
  term: string;
  features: string[];
  /** Reading order of its first occurrence, to break ties. */
  first: number;
}

/** The section's subject for its heading: the lead-in's phrase, else the likeliest word if likely enough. */
export function sectionSubject(paragraphs: TermParagraph[], names: string[], others: string[] = []): string | undefined {
  const phrase = leadPhrase(paragraphs, names);
  if (phrase) return phrase;
  let best: { term: string; p: number; first: number } | undefined;
  for (const c of subjectCandidates(paragraphs, names, others)) {
    const p = sigmoid(logit(model.use().subject, c.features));
    if (!best || p > best.p || (p === best.p && c.first < best.first)) best = { term: c.term, p, first: c.first };
  }
  return best && (best.p >= model.use().threshold || !names.length) ? best.term : undefined;
}

interface Tally {
  forms: Map<string, number>;
  seen: number;
  first: number;
  opening: boolean;
  lead: boolean;
  quoted: number;
  inPhrase: number;
  name: boolean;
  /** Occurrences, those in the first paragraph (where the author introduces the topic) weighing more. */
  count: number;
}

/**
 * The capitalised words and names of the section's German text (a word a sentence opens with
 * only where the section also writes it inside one), without the names the heading shows already.
 */
export function subjectCandidates(paragraphs: TermParagraph[], names: string[] = [], others: string[] = [], every = names.length === 0): SubjectCandidate[] {
  const named = new Set(names.flatMap((name) => tokenize(name).map((t) => stem(t.word))));
  const passing = new Set(others.flatMap((name) => name.split(' ')));
  const tallies = new Map<string, Tally>();
  const inside = new Set<string>();
  let position = 0;
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.lang !== 'de') return;
    const tokens = tokensOf(paragraph);
    const opening = index === 0 ? openingWords(paragraph.text) : undefined;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (!token.info.capitalised) continue;
      const name = nameAt(tokens, i);
      const word = name ? name.join(' ') : token.word;
      if (name) i += name.length - 1;
      // (Nor one of the newsletter's own words in another case: `des Buchs`.)
      else if (token.info.functionWord || (token.word.endsWith('s') && token.word.length > 4 && wordInfo(token.word.slice(0, token.word.endsWith('es') ? -2 : -1)).functionWord)) continue;
      if (!token.opensSentence || name) inside.add(word);
      const key = name ? word.toLowerCase() : token.info.stem;
      if (named.has(key) || (name ? name.some((w) => named.has(stem(w))) : word.includes('-') && word.split('-').some((w) => named.has(stem(w))))) continue;
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { forms: new Map(), seen: 0, count: 0, first: position, opening: false, lead: false, quoted: 0, inPhrase: 0, name: Boolean(name) }));
      t.seen++;
      t.count += index === 0 ? 1.5 : 1;
      position++;
      if (opening?.has(token.word)) t.opening = true;
      if (index === 0) t.lead = true;
      if (paragraph.quoted) t.quoted++;
      // Half of a phrase of capitalised words (`Politische` of `Politische Ökonomie`, `Silicon` of `Silicon Valley`).
      const next = tokens[i + 1];
      if (!name && ((next?.joined && next.info.capitalised && !next.opensSentence) || (token.joined && !token.opensSentence && tokens[i - 1]?.info.capitalised))) t.inPhrase++;
      t.forms.set(word, (t.forms.get(word) ?? 0) + (token.opensSentence && !name ? 0 : 1));
    }
  });
  const out: SubjectCandidate[] = [];
  for (const t of tallies.values()) {
    // A subject recurs or stands in the first paragraph (and only such words are weighed: it keeps the
    // parser's time); a section without a source, whose heading it is alone, weighs every word.
    if (t.seen < 2 && !t.lead && !every) continue;
    const term = bestForm(t.forms);
    if (!term || !inside.has(term)) continue;
    const features = subjectFeatures(term, t);
    if (term.split(' ').some((w) => passing.has(w))) features.push(t.seen === 1 ? 'named-in-passing-once' : 'named-in-passing');
    // Never a role, a generic noun, or a word no dictionary knows that the section uses once (a typo).
    if (!features.includes('role') && !features.includes('generic') && !features.includes('unknown-once')) out.push({ term, features, first: t.first });
  }
  return out;
}

/** The words of the section's opening sentence, where the author says what the section is about. */
function openingWords(text: string): Set<string> {
  return new Set(firstSentenceOf(text).split(/[\s„“"»«,;()]+/));
}

/** The first of sentencesOf(text), without splitting the rest of the paragraph. */
function firstSentenceOf(text: string): string {
  const boundary = /(?<=[.!?:])\s/g;
  const first = boundary.exec(text);
  if (!first) return text;
  const sentence = text.slice(0, first.index);
  if (!sentence.endsWith(':') || sentence.split(/\s+/).length > KICKER_WORDS) return sentence;
  const second = boundary.exec(text);
  return `${sentence} ${text.slice(first.index + 1, second ? second.index : text.length)}`;
}

/**
 * A paragraph's sentences, a short one ending with a colon joined to the next: `Gute Nachrichten
 * aus der Forschung: …`, `Kleiner Nachtrag: …` only announce the sentence that says what of.
 */
function sentencesOf(text: string): string[] {
  const sentences = text.split(/(?<=[.!?:])\s/);
  if (sentences.length > 1 && sentences[0]!.endsWith(':') && sentences[0]!.split(/\s+/).length <= KICKER_WORDS) sentences.splice(0, 2, `${sentences[0]} ${sentences[1]}`);
  return sentences;
}

/** Most words of a kicker before a colon. */
const KICKER_WORDS = 6;

/** What the model weighs of a word: how often and where the section uses it, and what German says of it. */
function subjectFeatures(term: string, t: Tally): string[] {
  const f = [`seen:${Math.min(t.seen, 3)}`];
  if (t.opening) f.push('opening-sentence');
  if (t.lead) f.push('lead-paragraph');
  if (t.quoted === t.seen) f.push('only-in-quotes');
  if (t.inPhrase === t.seen) f.push('half-of-a-phrase');
  if (t.name) f.push('name');
  const word = wordFeatures(term);
  f.push(...word.always);
  if (!t.name) f.push(...word.unlessName);
  // The weight the terms of related sections use: occurrences and how rare the word is in German.
  f.push(`score:${Math.min(4, Math.floor(((1 + Math.log(t.count)) * word.weight) / 6))}`);
  // A word no dictionary knows used once, or two words the text runs together (`KlarbankAktie`): a typo.
  if (t.seen === 1 && !t.name && word.typoOnce) f.push('unknown-once');
  return f;
}

/** What German says of a term, worked out once per term (texts repeat their words). */
const wordCache = new Map<string, { always: string[]; unlessName: string[]; weight: number; typoOnce: boolean }>();

function wordFeatures(term: string) {
  let known = wordCache.get(term);
  if (known) return known;
  const words = term.split(' ');
  const last = words[words.length - 1]!;
  const info = wordInfo(last);
  const noun = knownNoun(last);
  const always = [info.unknown ? 'unknown' : info.weight < 7.1 ? 'rank:common' : info.weight < 9.9 ? 'rank:middle' : 'rank:rare'];
  if (info.firstName) always.push('given-name');
  if (isRole(last)) always.push('role');
  // (A day of the week too, though `Freitag` is an outlet's name as well: a source, never a subject.)
  if (isGenericNoun(last) || /^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)s?$/.test(last)) always.push('generic');
  if (term.includes('-')) always.push('hyphenated');
  if (/^\p{Lu}[\p{Lu}\d]+s?$/u.test(term)) always.push('acronym');
  if (/(?:isch|ische[nmrs]?|ten|sten)$/.test(last) && !noun) always.push('adjective-form');
  const typoOnce = (info.unknown && !noun && !term.includes('-') && !/\p{Lu}.*\p{Lu}|\d/u.test(last.slice(1))) || /\p{Ll}\p{Lu}\p{Ll}/u.test(last);
  known = { always, unlessName: noun ? ['dictionary-noun'] : [], weight: Math.max(...words.map((w) => wordInfo(w).weight)), typoOnce };
  if (wordCache.size >= 20_000) wordCache.clear();
  wordCache.set(term, known);
  return known;
}

/** A noun the dictionary knows: listed, or a compound whose last part of five letters or more is (`Moderationsteams`, not `Plattfomen`). */
function knownNoun(word: string): boolean {
  if (isListedNoun(word)) return true;
  const lower = word.toLowerCase();
  for (let i = 3; i <= lower.length - 5; i++) if (isListedNoun(lower.slice(i))) return true;
  return false;
}

/** Most words a name has here (`Vivian Jenna Wilson`). */
const NAME_WORDS = 3;

/**
 * The name of several words starting at token `i`: capitalised words joined by single spaces, each
 * a first name or a word German does not otherwise use (`Elon Musk`, `Goldman Sachs`).
 */
function nameAt(tokens: Token[], i: number): string[] | undefined {
  const words: string[] = [];
  for (let j = i; j < tokens.length && words.length < NAME_WORDS; j++) {
    const token = tokens[j]!;
    if (j > i && (!token.joined || token.opensSentence)) break;
    if (!token.info.capitalised || token.word.includes('-') || !(token.info.firstName || token.info.unknown)) break;
    words.push(token.word);
  }
  return words.length >= 2 ? words : undefined;
}

/** The form written most often inside a sentence (the shorter one on a tie: `Projekt` before `Projekte`). */
function bestForm(forms: Map<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of forms) {
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && (entry[0].length < best[0].length || (entry[0].length === best[0].length && entry[0] < best[0])))) best = entry;
  }
  return best?.[0];
}

/** `über|zum Thema|zu|zum|zur` [article] [adjectives] Noun [der|des [adjectives] Noun], and the word after it. */
const LEAD_PHRASE =
  /(?:^|\s)(über|zum Thema|zu|zum|zur)\s+(?:(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer)\s+)?((?:\p{Ll}+(?:e|en|er|es|em)\s+)*\p{Lu}[\p{L}-]*(?:\s+(?:der|des)\s+(?:\p{Ll}+(?:e|en|er|es|em)\s+)*\p{Lu}[\p{L}-]*)?)([,.:;!?]*)(?:\s+(\p{Ll}\S*))?/u;

/**
 * The lead-in's own phrase for its subject: what follows `über` or `zu`/`zum`/`zur` in the opening
 * sentence, up to its noun and a genitive after it (`über das Souveränitäts-Paradox`, `zur
 * Vier-Tage-Woche`, `über die Krise der Pflege`), without the article; else what follows `über` in
 * a later sentence of the first paragraph that names a piece or a verb of writing (`ein Essay von
 * … über Museumsrückgaben`). None where it holds a role or a source's name; a generic noun before a
 * genitive gives way to it (`die Zukunft des Deutschlandtickets`).
 */
export function leadPhrase(paragraphs: TermParagraph[], names: string[] = []): string | undefined {
  const opening = paragraphs[0];
  if (!opening || opening.lang !== 'de') return undefined;
  const [first = '', ...rest] = sentencesOf(opening.text);
  const bare = (w: string) => w.replace(/^\P{L}+|\P{L}+$/gu, '');
  // (Not `die über die Zeit gewachsenen Pfade`, where the phrase says how, not what of.)
  const topic = /(?<!\s(?:der|die|das|den|dem|des))\süber\s/;
  const own = phraseIn(first, names);
  if (own) return own;
  const later = rest.find((sentence) => topic.test(sentence) && sentence.split(/\s+/).some((w) => isPiece(bare(w)) || isReportingVerb(bare(w))));
  return later ? phraseIn(later.slice(later.search(topic)), names) : undefined;
}

function phraseIn(sentence: string, names: string[]): string | undefined {
  const match = LEAD_PHRASE.exec(sentence);
  if (!match) return undefined;
  // (Not the newsletter's own words: `Nachtrag zur letzten Ausgabe: …` goes on to say what of.)
  if (match[2]!.split(' ').some((w) => /^\p{Lu}/u.test(w) && wordInfo(w).functionWord)) {
    const after = sentence.slice(match.index + match[0].length);
    return after.length < sentence.length ? phraseIn(after, names) : undefined;
  }
  // `zur Pflicht machen`, `zum Beispiel nennen`: `zu` before a verb makes an idiom, not a topic.
  if (match[1] !== 'über' && match[1] !== 'zum Thema' && !match[3] && match[4]) return undefined;
  // Without its adjectives (`über die neuen Regeln` → `Regeln`): the noun says what it is about.
  let phrase = match[2]!.replace(/(?:^|(?<=\s(?:der|des)\s))(?:\p{Ll}+\s+)+/gu, '');
  if (isGenericNoun(phrase.split(' ')[0]!) && / (?:der|des) /.test(phrase)) phrase = phrase.split(/ (?:der|des) /)[1]!;
  const words = phrase.split(' ');
  const nouns = words.filter((w) => /^\p{Lu}/u.test(w));
  const nameWords = new Set(names.flatMap((n) => n.split(' ')));
  if (!nouns.length || nouns.some((w) => isRole(w) || isGenericNoun(w) || !wordInfo(w).capitalised) || words.some((w) => nameWords.has(w))) return undefined;
  return phrase;
}

/**
 * Nouns that say nothing of what a section is about and name no source: quantities, times, the
 * parts of an argument (`Hälfte`, `Woche`, `Theorie`, `Ausgangspunkt`, `Statistik`). A short list
 * of kinds of word, not of one batch's words.
 */
const GENERIC =
  /^(?:hälfte|drittel|viertel|zehntel|mehrheit|großteil|teil|woche|wochen|monat|monate|monaten|jahr|jahre|jahren|jahrzehnt|jahrzehnte|jahrzehnten|tag|tage|tagen|moment|theorie|theorien|these|thesen|ausgangspunkt|statistik|zahl|zahlen|hintergrund|hintergründe|hintergrundgeschichte|geschichte|frage|fragen|antwort|problem|probleme|punkt|idee|beispiel|grund|gründe|fall|fälle|art|weise|ende|anfang|zukunft|rolle|bedeutung|rahmen|lage|sache|dinge|ding|seite|seiten|ergebnis|details|einzelheiten|überblick|zusammenfassung|kontext|thema|themen|debatte|diskussion|stelle|satz|text|texte|nachtrag|hinweis|schnitt|gast)$/;

export const isGenericNoun = (word: string): boolean => GENERIC.test(word.toLowerCase());
