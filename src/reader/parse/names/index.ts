// Names in one paragraph of the author's commentary, each with the construction it stands in (who
// speaks or publishes: `schreibt Nathan Benaich`, `laut Heise`, `Anne Helms Podcast`; or named in
// passing: `Donald Trump sprach …`, a name in a `dass`-clause) and whether a person or an outlet.
// Quoted words, brackets, `dass`-clauses and `über …` topics are set aside; runs of capitalised
// words are names once function words, roles (`Die Ökonomin`) and common nouns before them are
// dropped (`Venture Capitalistbude Sequoia`); common nouns alone are a phrase (`Konzerne Milliarden
// Euro`) but where a construction makes them an outlet (`in Analyse und Kritik`). A person and the
// outlet named with them in one sentence are paired (`M. Gessen analysiert in der New York Times`).

import { isFunctionWord, isRole, isSpeechVerb } from '../lexicon.js';
import { background, recommends } from './clauses.js';
import { governed, POSSESSIVE_PRONOUN } from './grammar.js';
import { PUBLISHES } from './constructions.js';
import { compounds, titles } from './pieces.js';
import { positionOf, type Evidence } from './position.js';
import { findRuns, nameWords, splitPeople } from './runs.js';
import { nameText, SELF, shapeOf } from './shapes.js';
import { tokenize } from './tokens.js';
import { type Mention, type NameWords, type Run, type Shape, type Token } from './types.js';

export type { Mention, NameKind } from './types.js';

/** How much of a paragraph's start and end (where a lead-in hands over) is read. Note: it keeps the reading linear whatever the paragraphs (a 1 MB line). */
const WINDOW = 2000;

/** Reads the names in a paragraph of commentary. */
export function readNames(raw: string): Mention[] {
  // Link markup and URLs are no words (`[Text](https://…)` reads as `Text`); blanks keep the offsets.
  const text = raw
    .replace(/\[([^\]\n]*)\]\(([^)\s]*)\)/g, (match, label: string) => ` ${label}${' '.repeat(match.length - label.length - 1)}`)
    .replace(/\b(?:https?|mailto|javascript|data|vbscript|file):\S*/gi, (match) => ' '.repeat(match.length));
  if (text.length <= 2 * WINDOW) return readWindow(text);
  // The first sentences up to WINDOW characters, and the last ones.
  const headEnd = Math.max(text.lastIndexOf(' ', WINDOW), 1);
  const tailStart = text.indexOf(' ', text.length - WINDOW) + 1 || text.length - WINDOW;
  const head = readWindow(text.slice(0, headEnd));
  const tail = readWindow(text.slice(tailStart)).map((m) => ({ ...m, offset: m.offset + tailStart, at: m.at + 100_000, group: m.group + 100_000, sentence: m.sentence + 100_000 }));
  return [...head, ...tail];
}

function readWindow(text: string): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  const passingBy: Mention[] = [];
  /** Names by the index of their last word, to tell `Raul Zelik in …` from `… Grades für Musk`. */
  const names = new Map<number, Shape>();
  const read = findRuns(tokens)
    .flatMap((run) => splitPeople(tokens, run).map((part) => ({ run, part })))
    .map(({ run, part }) => {
      const n = nameWords(tokens, part);
      const shape = n && shapeOf(n);
      if (n && shape && !shape.phrase) names.set(part.end - 1, shape);
      return { run, part, n, shape };
    });
  const listed = listedParts(
    tokens,
    read.filter((r) => r.shape && !r.shape.phrase).map((r) => r.part),
  );
  for (const { run, part, n, shape } of read) {
    if (!n || !shape) continue;
    const first = tokens[n.first]!;
    if (first.sub || first.topic) continue;
    // A single common noun is a name only after an article, `laut`, a preposition or a medium (`der Zeit`, `die Sendung Monitor`).
    if (shape.phrase && n.words.length === 1 && !governed(tokens, n.first)) continue;
    if (SELF.test(nameText(tokens.slice(run.start, run.end)))) continue;
    // People joined by `und` share the position of the whole run (`Sayash Kapoor und Arvind Narayanan fassen …`).
    const evidence = positionOf(tokens, { start: n.first, end: run.end }, n, shape, names, part);
    if (shape.phrase && (evidence.passing || !evidence.allowsPhrase) && !evidence.construction.startsWith('noun-subject')) continue;
    (evidence.passing ? passingBy : mentions).push({ ...mentionOf(tokens, run, part, n, shape, evidence), ...(listed.has(part) ? { listed: true } : {}) });
  }
  mentions.push(...titles(tokens), ...compounds(tokens));
  mentions.sort((a, b) => a.at - b.at);
  pairUp(mentions);
  // One name once per paragraph, with everything its positions say; a name in passing only where
  // no construction reads it (it takes no part in pairing a person with an outlet).
  const seen = new Map<string, Mention>();
  const once = (m: Mention) => {
    const key = `${m.kind}:${m.name.toLowerCase()}`;
    const known = seen.get(key);
    if (known) {
      known.strong ||= m.strong;
      known.presents ||= m.presents;
      return false;
    }
    seen.set(key, m);
    return true;
  };
  const kept = mentions.filter(once);
  const inPassing = passingBy.filter(once);
  return inPassing.length ? [...kept, ...inPassing].sort((a, b) => a.at - b.at) : kept;
}

function mentionOf(tokens: Token[], run: Run, part: Run, n: NameWords, shape: Shape, evidence: Evidence): Mention {
  const { construction, why, strong, presents, passing } = evidence;
  const kind = evidence.kind ?? shape.kind ?? 'outlet';
  const first = tokens[n.first]!;
  const before = tokens[run.start - 1];
  return {
    name: evidence.possessive ?? shape.name,
    kind,
    kindSure: shape.sure || Boolean(evidence.kind && evidence.kindSure),
    single: shape.single && !n.role && !evidence.kindSure,
    at: n.first,
    offset: first.offset,
    group: run.start,
    sentence: first.sentence,
    construction,
    why,
    strong,
    presents,
    speaks: Boolean(evidence.speaks),
    news: Boolean(evidence.verb && isSpeechVerb(evidence.verb)),
    ...(evidence.verb && PUBLISHES.test(evidence.verb.toLowerCase()) ? { publishing: true } : {}),
    // (Background is asked of speakers only: a name in passing is no source either way.)
    background: !passing && background(tokens, n.first),
    recommended: recommends(tokens, n.first),
    ...(passing ? { passing } : {}),
    // The role dropped before it (`Finanzminister Arnold Probe`); whether it opens its sentence, past an article or particle.
    ...(n.role
      ? {
          role:
            tokens
              .slice(part.start, n.first)
              .reverse()
              .find((t) => isRole(t.word))?.lower ?? '',
        }
      : {}),
    ...(tokens[run.start]!.sentenceStart || (before?.sentenceStart && !before.clauseEnd && isFunctionWord(before.word)) ? { opensSentence: true } : {}),
    ...(first.sentenceStart ? { initialWord: true } : {}),
    ...(kind === 'outlet' && POSSESSIVE_PRONOUN.test(tokens[part.start - 1]?.lower ?? '') ? { theirs: true } : {}),
  };
}

/** Names listed three or more together with commas or `und` (`Beiträge von A, B und C`): listed or remembered, hardly quoted. */
function listedParts(tokens: Token[], parts: Run[]): Set<Run> {
  const chains: Run[][] = [];
  parts.forEach((part, k) => {
    const previous = parts[k - 1];
    const gap = previous ? part.start - previous.end : 2;
    const joined = gap === 0 ? tokens[previous!.end - 1]!.post === ',' : gap === 1 && /^(?:und|sowie|oder)$/.test(tokens[part.start - 1]!.lower);
    if (joined) chains[chains.length - 1]!.push(part);
    else chains.push([part]);
  });
  return new Set(chains.filter((chain) => chain.length >= 3).flat());
}

/**
 * Joins a person and the outlet named with them in one sentence (`M. Gessen analysiert in der New
 * York Times`, `Auf Strage Matters hat John Michael Colón …`). A person joined to an outlet they
 * publish in presents a piece.
 */
function pairUp(mentions: Mention[]): void {
  for (const outlet of mentions) {
    if (outlet.kind !== 'outlet' || !outlet.presents || outlet.partner) continue;
    // Only a venue: where someone speaks (`in der Zeit`, `im Podcast: …`, `The Atlantics‘`), not an outlet that speaks itself.
    if (/^(?:subject|after "laut"|agent)|without a verb|von …"|a piece of theirs/.test(outlet.why) && !outlet.theirs) continue;
    // The nearest person before it in the sentence, else after it; a title right after `Anne Helms Podcast:` too.
    const title = outlet.why.startsWith('title after');
    // `Matt Probe ist skeptisch. In seinem Newsletter BIG schreibt er:`: the person of the sentence before.
    const theirs = outlet.theirs && outlet.sentence > 0;
    const candidates = mentions.filter(
      (m) => m.kind === 'person' && !m.partner && (m.sentence === outlet.sentence || (title && m.sentence === outlet.sentence - 1 && m.presents) || (theirs && m.sentence === outlet.sentence - 1)),
    );
    const nearest = candidates.filter((m) => m.at < outlet.at).pop() ?? candidates.find((m) => m.at > outlet.at);
    if (!nearest) continue;
    // People joined by `und` speak together: the outlet goes with the first of them.
    const person = candidates.find((m) => m.group === nearest.group) ?? nearest;
    person.partner = outlet;
    outlet.partner = person;
    person.presents = true;
    if (outlet.strong) person.strong = true;
  }
}
