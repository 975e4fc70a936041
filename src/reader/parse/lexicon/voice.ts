// The words of a voice or a form, which the evidence counts: first person, address, particles,
// reported speech, reporting verbs, the passive, kinds of media, recommendations; and the
// language's function words (function-words.ts). All in one dictionary of flags by the hash of the
// lower-cased word, so that each word is looked up once.
// Note: every list is a general trait of German or English prose or of the newsletter's form,
// never a word taken from one issue, so that the weights learned on the labelled issues carry over.

import { wordHash } from '../characters.js';
import { ENGLISH_COMMONEST, GERMAN_COMMONEST, SENTENCE_OPENERS } from './function-words.js';

const FIRST_SINGULAR = ['ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines'];
const FIRST_PLURAL = ['wir', 'uns', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres'];
const ADDRESS = ['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'euch', 'euer', 'eure', 'euren', 'eurem', 'eurer'];
const COLLOQUIAL = ['ja', 'halt', 'eh', 'mal', 'lol', 'ok', 'okay', 'ach', 'naja', 'tja', 'klar', 'jahaa', 'krass', 'quasi', 'sowieso', 'btw'];
/** Present subjunctive (Konjunktiv I) of common verbs: the mood of reported speech. */
const SUBJUNCTIVE = [
  'sei',
  'seien',
  'werde',
  'könne',
  'müsse',
  'solle',
  'wolle',
  'dürfe',
  'möge',
  'gebe',
  'habe',
  'hieße',
  'wäre',
  'würden',
  'stehe',
  'liege',
  'gehe',
  'komme',
  'fehle',
  'brauche',
  'wisse',
  'gelte',
  'bleibe',
  'zeige',
  'handele',
  'handle',
  'plane',
  'führe',
  'biete',
  'lasse',
  'halte',
  'sehe',
  'nehme',
  'trage',
  'treffe',
  'verfüge',
  'bestehe',
  'betreffe',
  'erwarte',
  'rechne',
  'diene',
  'reiche',
  'drohe',
  'entstehe',
  'finde',
  'arbeite',
  'spiele',
  'gehöre',
  'hänge',
  'lohne',
  'schade',
  'nutze',
  'sorge',
  'verliere',
  'gewinne',
  'beginne',
  'laufe',
];
const REPORTING = [
  'schreibt',
  'schrieb',
  'sagt',
  'sagte',
  'argumentiert',
  'analysiert',
  'berichtet',
  'berichtete',
  'erklärt',
  'erklärte',
  'meint',
  'fragt',
  'beschreibt',
  'kritisiert',
  'warnt',
  'zitiert',
  'fasst',
  'plädiert',
  'beklagt',
  'erzählt',
  'stellt',
  'zeigt',
  'resümiert',
  'kommentiert',
  'notiert',
  'postet',
  'postete',
  'twittert',
  'bloggt',
  'spricht',
  'sprach',
  'antwortet',
  'widerspricht',
  'entgegnet',
  'betont',
  'behauptet',
  'vermutet',
  'glaubt',
  'wirft',
  'nennt',
  'bilanziert',
  'rechnet',
  'hält',
  'sieht',
  'findet',
  'writes',
  'says',
  'said',
  'wrote',
  'argues',
  'explains',
];
const PASSIVE = ['wird', 'werden', 'wurde', 'wurden', 'worden'];
const MEDIA = [
  'artikel',
  'essay',
  'interview',
  'paper',
  'podcast',
  'video',
  'videoessay',
  'longread',
  'newsletter',
  'blogpost',
  'blog',
  'studie',
  'reportage',
  'thread',
  'buch',
  'stück',
  'kolumne',
  'serie',
  'beitrag',
  'text',
  'recherche',
  'analyse',
  'gespräch',
  'vortrag',
  'talk',
  'take',
  'post',
  'posting',
  'report',
  'bericht',
  'meldung',
  'dokumentation',
  'doku',
  'folge',
  'episode',
  'feature',
  'rezension',
];
/** Formal address (`Sie`, `Ihnen`) where capitalised inside a sentence. */
const FORMAL = ['sie', 'ihnen', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer'];

/** The flags of the dictionary: which lists a word is on. */
export const IS_GERMAN = 1;
export const IS_ENGLISH = 2;
export const IS_FIRST_SINGULAR = 4;
export const IS_FIRST_PLURAL = 8;
export const IS_ADDRESS = 16;
export const IS_COLLOQUIAL = 32;
export const IS_SUBJUNCTIVE = 64;
export const IS_REPORTING = 128;
export const IS_PASSIVE = 256;
export const IS_MEDIA = 512;
export const IS_OPENER = 1024;
export const IS_FORMAL = 2048;

/** Flags by the hash of the lower-cased word (see `wordHash`). */
const FLAGS = new Map<number, number>();
const flag = (list: Iterable<string>, bit: number) => {
  for (const word of list) FLAGS.set(wordHash(word), (FLAGS.get(wordHash(word)) ?? 0) | bit);
};
flag(GERMAN_COMMONEST, IS_GERMAN);
flag(
  [...ENGLISH_COMMONEST].filter((word) => !GERMAN_COMMONEST.has(word)),
  IS_ENGLISH,
);
flag(FIRST_SINGULAR, IS_FIRST_SINGULAR);
flag(FIRST_PLURAL, IS_FIRST_PLURAL);
flag(ADDRESS, IS_ADDRESS);
flag(COLLOQUIAL, IS_COLLOQUIAL);
flag(SUBJUNCTIVE, IS_SUBJUNCTIVE);
flag(REPORTING, IS_REPORTING);
flag(PASSIVE, IS_PASSIVE);
flag(MEDIA, IS_MEDIA);
flag(
  MEDIA.map((word) => `${word}s`),
  IS_MEDIA,
);
flag(SENTENCE_OPENERS, IS_OPENER);
flag(FORMAL, IS_FORMAL);
/** The longest word any list holds: longer words need no lookup. */
const LONGEST_LISTED = 16;

/** The flags of a word of `length` letters by the hash of its lower case (0: on no list). */
export function flagsOf(hash: number, length: number): number {
  return length <= LONGEST_LISTED ? (FLAGS.get(hash) ?? 0) : 0;
}

export const ICH = wordHash('ich');
export const DIR = wordHash('dir');
export const JA = wordHash('ja');
export const ES = wordHash('es');
export const HEISST = wordHash('heißt');

/** Words the author recommends a piece with; a word that opens with one recommends (`lesenswerte`). */
const RECOMMENDING_WORDS = ['lesenswert', 'lesenwert', 'sehenswert', 'hörenswert', 'empfehlenswert', 'furios', 'großartig', 'spannend', 'ellenlang', 'klug', 'hervorragend'];
export const RECOMMENDING = new Set(RECOMMENDING_WORDS.map(wordHash));
export const RECOMMENDING_FIRST = new Set(RECOMMENDING_WORDS.map((word) => word.charCodeAt(0)));
export const RECOMMENDING_LENGTHS = new Uint8Array(16);
for (const word of RECOMMENDING_WORDS) RECOMMENDING_LENGTHS[word.length] = 1;
