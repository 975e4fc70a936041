// Sources: the person and/or outlet a section's lead-in names (`schreibt Nathan Benaich In Fortune`,
// `Laut Heise`, `M. Gessen analysiert in der New York Times`). They become section headings.

import type { Source } from '../model.js';

// A capitalised word of a name: `Nathan`, `M.`, `Colón`, `O'Neil`, `SnakeOil-AI`, `54Books`.
const NAME_WORD = String.raw`(?:[A-ZÄÖÜ][\p{L}'’.-]*|\d+[A-Z][\p{L}]*)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:(?:de|van|von|der|al|bin|da)\s+)?${NAME_WORD}){0,3}`;
/** Verbs with which the author introduces what a source says or did. */
const REPORTING_VERBS =
  'schreibt|schrieb|analysiert|beklagt|sieht|fragt|bespricht|berichtet|erklärt|argumentiert|kritisiert|meint|' +
  'zeigt|legt|plädiert|verweist|beschreibt|hat|hatte|war|ist|nahm|warnt|erzählt|findet|fasst|versucht|untersucht|' +
  'widerspricht|sagt|stellt|veröffentlichte|spricht|rechnet|denkt|geht|kommt|liefert|macht|nennt|will';
/** Words that are capitalised in German but are not names. */
const NOT_NAMES = new Set(
  ('Der Die Das Den Dem Des Ein Eine Einer Eines Im In Auf Bei Laut Und Oder Aber Auch Nachdem Wenn Dass Doch Hier ' +
    'Ich Wir Sie Er Es Man Mich Mir Uns Ihr Zuletzt Unter Anderem Diesen Text Diesmal Letzte Woche Zusammen Mit ' +
    'Anlässlich Eines Ähnlichen Deals Konkret Trotz Ganz Anders Ach Ok Okay Dieser Diese Dieses Jede Jeder').split(' '),
);

const OUTLET_AFTER_PREPOSITION = new RegExp(String.raw`(?:^|[\s(])(?:[Ii]n der|[Ii]m|[Ii]n|[Aa]uf|[Bb]ei|[Ll]aut(?: der| dem)?)\s+(${NAME})`, 'u');
const PERSON_BEFORE_VERB = new RegExp(String.raw`(${NAME})\s+(?:${REPORTING_VERBS})\b`, 'u');
const PERSON_AFTER_VERB = new RegExp(String.raw`\b(?:schreibt|analysiert|beklagt|berichtet|erklärt|argumentiert|kritisiert|meint|fragt)\s+(?:auch\s+)?(${NAME})`, 'u');

/** Finds the person and/or outlet a lead-in paragraph names, if any. */
export function findSource(text: string): Source | undefined {
  const lead = text.slice(0, 220);
  const person = cleanName(PERSON_AFTER_VERB.exec(lead)?.[1]) ?? cleanName(PERSON_BEFORE_VERB.exec(lead)?.[1]);
  const outletMatch = OUTLET_AFTER_PREPOSITION.exec(lead);
  let outlet = cleanName(outletMatch?.[1]);
  if (outlet && person && (person.includes(outlet) || outlet.includes(person))) outlet = undefined;
  if (!person && !outlet) return undefined;
  return { ...(person ? { person } : {}), ...(outlet ? { outlet } : {}) };
}

/** Drops leading non-name words (articles, sentence openers) and rejects what is left if it is no name. */
function cleanName(candidate: string | undefined): string | undefined {
  if (!candidate) return undefined;
  const words = candidate.split(/\s+/);
  while (words.length && NOT_NAMES.has(words[0]!.replace(/[.,]$/, ''))) words.shift();
  while (words.length && NOT_NAMES.has(words[words.length - 1]!)) words.pop();
  const name = words.join(' ').replace(/[.,:]+$/, '');
  if (!name || name.length < 2) return undefined;
  return name;
}

/** A short heading for a section with this source: `Nathan Benaich, Fortune`. */
export function sourceHeading(source: Source): string {
  return [source.person, source.outlet].filter(Boolean).join(', ');
}
