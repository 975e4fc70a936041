// Sources: the person and/or outlet a section's lead-in names (`schreibt Nathan Benaich In Fortune`,
// `Laut Heise`, `M. Gessen analysiert in der New York Times`). They become section headings and
// feed the source index.
// Note: German capitalises every noun, so a capitalised word is no name by itself. A person is
// a run of capitalised words in a position only a name takes: before a verb as the subject,
// after a reporting verb, after a role (`Die Ökonomin Cecilia Rikap`). An outlet follows `in der`,
// `im`, `auf`, `bei`, `laut`, or is the subject of `hat … veröffentlicht`.

import type { Source } from '../model.js';
import { MEDIA } from './signals.js';
import { wordTokens } from './words.js';

const WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*|\d+\p{Lu}[\p{L}]*)`;
const PARTICLE = String.raw`(?:de|van|von|al|bin|da|di|du|le|la|&|und)`;
/** A run of capitalised words, allowing name particles and `und`/`&` inside (`Analyse und Kritik`). */
const RUN = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD}){0,4}`;

/** Verbs the author uses for what a source does. */
const VERBS =
  'schreibt|schrieb|analysiert|beklagt|sieht|fragt|bespricht|berichtet|erklärt|argumentiert|kritisiert|meint|zeigt|legt|' +
  'plädiert|verweist|beschreibt|hat|hatte|war|ist|nahm|warnt|erzählt|findet|fasst|versucht|untersucht|widerspricht|sagt|' +
  'stellt|veröffentlichte|spricht|sprach|rechnet|denkt|geht|liefert|nennt|bekommt|will|stecken|haben|trommelte|zitierte|' +
  'entwirft|fordert|beschreibt|diskutiert|rezensiert|porträtiert|interviewt|bringt|macht';
const REPORTING_BEFORE = 'hat|hatte|schreibt|schrieb|analysiert|beklagt|berichtet|erklärt|argumentiert|kritisiert|meint|fragt|versucht|wie|hatten wir|mit';

/** Capitalised words that are not names: articles, pronouns, sentence openers, common nouns of lead-ins. */
const NOT_NAME = new Set(
  ('Der Die Das Den Dem Des Ein Eine Einer Eines Einen Im In Auf Bei Laut Und Oder Aber Auch Nachdem Wenn Dass Doch Hier ' +
    'Ich Wir Sie Er Es Man Mich Mir Uns Ihr Zuletzt Unter Anderem Diesen Dieser Diese Dieses Diesmal Letzte Woche Zusammen ' +
    'Mit Anlässlich Konkret Trotz Ganz Anders Ach Ok Okay Jede Jeder Jedes So Wie Was Wer Warum Bereits Neulich Gestern ' +
    'Heute Vorher Nachher Inzwischen Zumindest Insbesondere Andererseits Erstens Zweitens Drittens Mein Meine Sein Seine ' +
    'Ihre Unsere Text Artikel Essay Interview Paper Podcast Newsletter Buch Stück Thread Video Videoessay Ausgabe Zuge ' +
    'Fall Frage Teil Serie Thema Blogpost Website Gast Anlass Kerbe Zusammenhang Leben Welt Zeitalter Ende').split(' '),
);

/** Roles that stand before a name: `Die Ökonomin Cecilia Rikap`, `Der Google KI-Forscher Francois Chollet`. */
const ROLE = /(?:^|-)(?:Philosoph|Ökonom|Forscher|Journalist|Autor|Historiker|Soziolog|Schriftsteller|Politikwissenschaftler|Wissenschaftler|Publizist|Kolumnist|Reporter|Professor|Kollege|Investor|Blogger|Podcaster|Aktivist|Analyst|Ökonomin|Philosophin|Forscherin|Journalistin|Autorin|Historikerin|Soziologin|Schriftstellerin|Wissenschaftlerin|Publizistin|Kolumnistin|Reporterin|Professorin|Kollegin|Aktivistin|Analystin|Chef|Chefin|CEO|Gründer|Gründerin|Tochter|Sohn)(?:in|innen|en)?$/;

const OUTLET_AFTER_LAUT = new RegExp(String.raw`\b[Ll]aut\s+(?:der\s+|dem\s+|des\s+)?(${RUN})`, 'u');
const OUTLET_AT_START = new RegExp(String.raw`^(?:Auf|Bei)\s+(?:der\s+|dem\s+)?(${RUN})\s+(?:hat|hatte|gibt es|gab es|erschien|ist|steht|findet sich)\b`, 'u');
const OUTLET_AS_SUBJECT = new RegExp(String.raw`^(?:Die\s+|Der\s+|Das\s+)?(${RUN})\s+(?:hat|hatte|bringt|veröffentlichte|berichtet|schreibt)\b`, 'u');
const OUTLET_OF_MEDIA = new RegExp(String.raw`(?:Paper|Podcast|Artikel|Studie|Video|Newsletter|Blogpost|Bericht)\s+(?:von|der|des)\s+(${RUN})`, 'u');
const QUOTED_NAME = /(?:Channel|Podcast|Newsletter|Blog|Magazin|Zeitschrift|Serie|Kanal|Show)\s+[„"“»]([^“”"«]{2,60})[“”"«]/u;
/** Endings of German adjectives and abstract nouns, which names do not have. */
const ADJECTIVE_ENDING = /(?:ive|iven|ische|ischen|liche|lichen|ige|igen|ale|alen|ung|heit|keit|schaft|tion|tät|nis|ismus|ment|nahme|gabe|lage)$/;
const ARTICLE = new Set(['Der', 'Die', 'Das', 'Den', 'Dem', 'Des', 'The']);

/** Finds the person and/or outlet a lead-in paragraph names, if any. */
export function findSource(text: string): Source | undefined {
  const lead = firstSentences(text, 260);
  const person = findPerson(lead);
  let outlet = findOutlet(lead, person);
  if (outlet && person && (person.includes(outlet) || outlet.includes(person))) outlet = undefined;
  if (!person && !outlet) return undefined;
  return { ...(person ? { person } : {}), ...(outlet ? { outlet } : {}) };
}

/** A word that can be part of a name: capitalised, an initial (`M.`, `J.D.`), or `54Books`. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*|\d+\p{Lu}\p{L}*)$/u;
const PARTICLE_WORD = /^(?:de|van|von|al|bin|da|di|du|le|la|&|und)$/;
const VERB_SET = new Set(VERBS.split('|'));
const REPORTING_SET = new Set(REPORTING_BEFORE.split('|').filter((v) => !v.includes(' ')));
const PREPOSITION_SET = new Set(['in', 'im', 'In', 'Im', 'bei', 'auf']);
const LOWER_ARTICLE = /^(?:den|dem|der|die|das|des|ein|eine|einer|einem|eines)$/;
const STARTS_WITH_PREPOSITION = /^(?:Auf|In|Im|Bei|Laut|Mit|Nach|Von|Vor|Unter|Über)$/;

interface Token {
  word: string;
  index: number;
}

/**
 * The first name-like run in a subject, reporting or `X in Y` position.
 * Note: scans words, not the text with one large regex: a paragraph's lead is read in linear time.
 */
function findPerson(lead: string): string | undefined {
  const tokens: Token[] = wordTokens(lead);
  const candidates: { index: number; name: string }[] = [];
  const consider = (run: Token[] | undefined) => {
    const name = run && run.length ? personName(run.map((t) => t.word).join(' ')) : undefined;
    if (name) candidates.push({ index: run![0]!.index, name });
  };
  tokens.forEach((token, i) => {
    const bare = token.word.replace(/[.,;:!?]+$/, '');
    // `Nathan Benaich schreibt`, `Raul Zelik in Analyse und Kritik`: a run of names before a verb or preposition.
    const verb = VERB_SET.has(token.word);
    const preposition = PREPOSITION_SET.has(token.word) && NAME_WORD.test(tokens[i + 1]?.word === 'der' || tokens[i + 1]?.word === 'dem' ? tokens[i + 2]?.word ?? '' : tokens[i + 1]?.word ?? '');
    if (verb || preposition) {
      const run = runBefore(tokens, i);
      if (run && (!verb || !STARTS_WITH_PREPOSITION.test(run[0]!.word)) && !LOWER_ARTICLE.test(tokens[i - run.length - 1]?.word ?? '')) consider(run);
    }
    // `schreibt Nathan Benaich`, `versucht auch Ryan Broderick`, `hatten wir Arne Semsrott`.
    if (REPORTING_SET.has(bare) && bare === token.word) {
      const start = tokens[i + 1]?.word === 'auch' ? i + 2 : i + 1;
      consider(runFrom(tokens, start));
    }
    if (token.word === 'wir' && tokens[i - 1]?.word === 'hatten') consider(runFrom(tokens, i + 1));
  });
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.name;
}

/** The run of name words that ends right before token `end` (no punctuation inside). */
function runBefore(tokens: Token[], end: number): Token[] | undefined {
  const run: Token[] = [];
  for (let j = end - 1; j >= 0 && run.length < 9; j--) {
    const word = tokens[j]!.word;
    const trailingPunctuation = /[,;:!?]$/.test(word) || (/\.$/.test(word) && !/^(?:\p{Lu}\.)+$/u.test(word));
    if (NAME_WORD.test(word) && !(trailingPunctuation && j !== end - 1) && !/[,;:!?]$/.test(word)) run.unshift(tokens[j]!);
    else if (PARTICLE_WORD.test(word) && run.length && j > 0 && NAME_WORD.test(tokens[j - 1]!.word)) run.unshift(tokens[j]!);
    else break;
  }
  while (run.length && PARTICLE_WORD.test(run[0]!.word)) run.shift();
  return run.length ? run.slice(-5) : undefined;
}

/** The run of name words starting at token `start`. */
function runFrom(tokens: Token[], start: number): Token[] | undefined {
  const run: Token[] = [];
  for (let j = start; j < tokens.length && run.length < 5; j++) {
    const raw = tokens[j]!.word;
    const word = raw.replace(/[,;:!?]+$/, '');
    if (NAME_WORD.test(word) || (PARTICLE_WORD.test(word) && run.length && NAME_WORD.test(tokens[j + 1]?.word ?? ''))) {
      run.push({ word, index: tokens[j]!.index });
      if (word !== raw) break; // punctuation ends the name
    } else break;
  }
  return run.length ? run : undefined;
}

const AFTER_PERSON = new RegExp(String.raw`\s+(?:\p{Ll}+\s+){0,2}?(?:in der|im|in|In|bei|auf)\s+(${RUN})`, 'uy');

function findOutlet(lead: string, person: string | undefined): string | undefined {
  const quoted = QUOTED_NAME.exec(lead)?.[1];
  if (quoted) return quoted.trim();
  if (person) {
    const at = lead.indexOf(person);
    if (at >= 0) {
      AFTER_PERSON.lastIndex = at + person.length;
      const outlet = outletName(AFTER_PERSON.exec(lead)?.[1]);
      if (outlet) return outlet;
    }
  }
  for (const pattern of [OUTLET_AFTER_LAUT, OUTLET_AT_START, OUTLET_OF_MEDIA]) {
    const outlet = outletName(pattern.exec(lead)?.[1]);
    if (outlet && outlet !== person) return outlet;
  }
  // `Die Wired hat einen beunruhigenden Artikel`: an outlet as subject, with what it published.
  if (!person && MEDIA.test(lead.split(/(?<=[.!?])\s/)[0] ?? '')) return outletName(OUTLET_AS_SUBJECT.exec(lead)?.[1]);
  return undefined;
}

/** A person's name from a run of capitalised words: roles and non-names at the edges dropped. */
function personName(run: string | undefined): string | undefined {
  if (!run) return undefined;
  let words = run.split(/\s+/);
  const role = words.findLastIndex((w) => ROLE.test(w));
  if (role >= 0) words = words.slice(role + 1);
  else if (ARTICLE.has(words[0]!)) return undefined; // `Die Wired hat`: an outlet, not a person
  while (words.length && NOT_NAME.has(words[0]!)) words.shift();
  const stop = words.findIndex((w) => NOT_NAME.has(w));
  if (stop >= 0) words = words.slice(0, stop);
  while (words.length && /^(?:und|&|von|de|van|der|da)$/.test(words[words.length - 1]!)) words.pop();
  // Capitalised adjectives at a sentence start (`Generative KI`) are no names.
  if (words.some((w) => ADJECTIVE_ENDING.test(w))) return undefined;
  // A person has at least two name words (`M. Gessen`), or one after a role (`Die Ökonomin Rikap`).
  if (words.length < 2 && role < 0) return undefined;
  if (words.length === 0 || words.length > 4) return undefined;
  return words.join(' ').replace(/[.,:]+$/, '');
}

function outletName(run: string | undefined): string | undefined {
  if (!run) return undefined;
  let words = run.split(/\s+/);
  while (words.length && NOT_NAME.has(words[0]!)) words.shift();
  const stop = words.findIndex((w) => NOT_NAME.has(w));
  if (stop >= 0) words = words.slice(0, stop);
  while (words.length && /^(?:und|&|von)$/.test(words[words.length - 1]!)) words.pop();
  if (words.length === 1 && ADJECTIVE_ENDING.test(words[0]!)) return undefined; // `im Faschismus`: a noun, no outlet
  const name = words.join(' ').replace(/[.,:]+$/, '');
  return name.length >= 2 ? name : undefined;
}

function firstSentences(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf(': '));
  return end > 60 ? cut.slice(0, end + 1) : cut;
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
