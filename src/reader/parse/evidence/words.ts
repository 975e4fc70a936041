// The word lists the evidence looks words up in: the commonest function words of German and
// English (Grefenstette's short-words method, which tells the language even of one sentence), and
// the words of a voice or a form — first person, address, particles, reported speech, reporting
// verbs, pieces, sentence openers — all in one dictionary of flags, so each word is looked up once.
// Note: every list is a general trait of German or English prose or of the newsletter's form,
// never a word taken from one issue, so that the weights learned on the labelled issues carry over.

import type { Language } from '../../../model.js';
import { lowerCode, wordHash } from './characters.js';

// The commonest function words of each language, leaving out words both share (in, an, so, was, die…).
export const ENGLISH = new Set(
  ('the of and to a is that it for on with as are be this by not but or have from they at an their we has which ' +
    'will its can been than what when who would there into our also these only such one all if about how were do ' +
    'he she you his her them more most other some any those where while because should could then just over after ' +
    'before being through very does did had my me i your us our no our up out new like').split(' '),
);
export const GERMAN = new Set(
  ('der das und zu den nicht von sie ist des sich mit dem dass er es ein ich auf eine auch als nach wie im für man ' +
    'aber aus durch wenn nur war noch werden bei hat wir wird sein einen welche sind oder zur um haben einer mir über ' +
    'ihm diese einem ihr uns da zum kann doch vor dieser mich ihn du hatte seine mehr am denn nun unter sehr selbst ' +
    'schon hier bis habe ihre dann ihnen seiner alle wieder meine gegen vom ganz wo muss ohne eines können sei ist ' +
    'jetzt also eben ja immer eigentlich gar etwas dabei sondern weil damit dazu heute wurde wurden keine kein').split(' '),
);

const FIRST_SINGULAR = new Set(['ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines']);
const FIRST_PLURAL = new Set(['wir', 'uns', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres']);
const ADDRESS = new Set(['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'euch', 'euer', 'eure', 'euren', 'eurem', 'eurer']);
const COLLOQUIAL = new Set(['ja', 'halt', 'eh', 'mal', 'lol', 'ok', 'okay', 'ach', 'naja', 'tja', 'klar', 'jahaa', 'krass', 'quasi', 'sowieso', 'btw']);
/** Present subjunctive (Konjunktiv I) of common verbs: the mood of reported speech. */
const SUBJUNCTIVE = new Set([
  'sei', 'seien', 'werde', 'könne', 'müsse', 'solle', 'wolle', 'dürfe', 'möge', 'gebe', 'habe', 'hieße', 'wäre', 'würden', 'stehe', 'liege',
  'gehe', 'komme', 'fehle', 'brauche', 'wisse', 'gelte', 'bleibe', 'zeige', 'handele', 'handle', 'plane', 'führe', 'biete', 'lasse', 'halte',
  'sehe', 'nehme', 'trage', 'treffe', 'verfüge', 'bestehe', 'betreffe', 'erwarte', 'rechne', 'diene', 'reiche', 'drohe', 'entstehe', 'finde',
  'arbeite', 'spiele', 'gehöre', 'hänge', 'lohne', 'schade', 'nutze', 'sorge', 'verliere', 'gewinne', 'beginne', 'laufe',
]);
const REPORTING = new Set([
  'schreibt', 'schrieb', 'sagt', 'sagte', 'argumentiert', 'analysiert', 'berichtet', 'berichtete', 'erklärt', 'erklärte', 'meint',
  'fragt', 'beschreibt', 'kritisiert', 'warnt', 'zitiert', 'fasst', 'plädiert', 'beklagt', 'erzählt', 'stellt', 'zeigt', 'resümiert',
  'kommentiert', 'notiert', 'postet', 'postete', 'twittert', 'bloggt', 'spricht', 'sprach', 'antwortet', 'widerspricht', 'entgegnet',
  'betont', 'behauptet', 'vermutet', 'glaubt', 'wirft', 'nennt', 'bilanziert', 'rechnet', 'hält', 'sieht', 'findet',
  'writes', 'says', 'said', 'wrote', 'argues', 'explains',
]);
const PASSIVE = new Set(['wird', 'werden', 'wurde', 'wurden', 'worden']);
const MEDIA = new Set([
  'artikel', 'essay', 'interview', 'paper', 'podcast', 'video', 'videoessay', 'longread', 'newsletter', 'blogpost', 'blog', 'studie',
  'reportage', 'thread', 'buch', 'stück', 'kolumne', 'serie', 'beitrag', 'text', 'recherche', 'analyse', 'gespräch', 'vortrag',
  'talk', 'take', 'post', 'posting', 'report', 'bericht', 'meldung', 'dokumentation', 'doku', 'folge', 'episode', 'feature', 'rezension',
]);
/** Openers of a sentence that are capitalised only by position. */
const SENTENCE_OPENERS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einen', 'im', 'in', 'auf', 'bei', 'laut', 'und', 'oder',
  'aber', 'auch', 'nachdem', 'wenn', 'dass', 'doch', 'hier', 'ich', 'wir', 'sie', 'er', 'es', 'man', 'mit', 'zu', 'zur', 'zum', 'von',
  'vom', 'über', 'unter', 'nach', 'vor', 'für', 'gegen', 'dabei', 'damit', 'dazu', 'so', 'wie', 'was', 'wer', 'warum', 'the', 'a', 'an',
  'this', 'that', 'it', 'in', 'on', 'as', 'but', 'and', 'if', 'when', 'we', 'i', 'he', 'she', 'they', 'you', 'dies', 'diese', 'dieser',
  'dieses', 'diesen', 'jetzt', 'heute', 'gestern', 'zuletzt', 'neulich', 'anlässlich', 'trotz', 'konkret', 'ganz', 'nun', 'da', 'als',
]);
/** Every word list above in one dictionary of flags, so that each word is looked up once. */
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
export const WORDS = new Map<number, number>();
const flag = (words: Iterable<string>, bit: number) => {
  for (const word of words) WORDS.set(wordHash(word), (WORDS.get(wordHash(word)) ?? 0) | bit);
};
flag(GERMAN, IS_GERMAN);
flag([...ENGLISH].filter((word) => !GERMAN.has(word)), IS_ENGLISH);
flag(FIRST_SINGULAR, IS_FIRST_SINGULAR);
flag(FIRST_PLURAL, IS_FIRST_PLURAL);
flag(ADDRESS, IS_ADDRESS);
flag(COLLOQUIAL, IS_COLLOQUIAL);
flag(SUBJUNCTIVE, IS_SUBJUNCTIVE);
flag(REPORTING, IS_REPORTING);
flag(PASSIVE, IS_PASSIVE);
flag(MEDIA, IS_MEDIA);
flag([...MEDIA].map((word) => `${word}s`), IS_MEDIA);
flag(SENTENCE_OPENERS, IS_OPENER);
flag(['sie', 'ihnen', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer'], IS_FORMAL);
/** The longest word any list holds: longer words need no lookup. */
export const LONGEST_LISTED = 16;
export const ICH = wordHash('ich');
export const DIR = wordHash('dir');
export const JA = wordHash('ja');
export const ES = wordHash('es');
export const HEISST = wordHash('heißt');
const RECOMMENDING_WORDS = ['lesenswert', 'lesenwert', 'sehenswert', 'hörenswert', 'empfehlenswert', 'furios', 'großartig', 'spannend', 'ellenlang', 'klug', 'hervorragend'];
export const RECOMMENDING = new Set(RECOMMENDING_WORDS.map(wordHash));
export const RECOMMENDING_FIRST = new Set(RECOMMENDING_WORDS.map((word) => word.charCodeAt(0)));
export const RECOMMENDING_LENGTHS = new Uint8Array(16);
for (const word of RECOMMENDING_WORDS) RECOMMENDING_LENGTHS[word.length] = 1;

/** Whether the word ending before `to` ends in `iere` (`kontrolliere`: the subjunctive of verbs in -ieren). */
export function endsWithIere(text: string, to: number): boolean {
  return lowerCode(text.charCodeAt(to - 4)) === 105 && lowerCode(text.charCodeAt(to - 3)) === 101 && lowerCode(text.charCodeAt(to - 2)) === 114 && lowerCode(text.charCodeAt(to - 1)) === 101;
}

/** The language of a paragraph whose function words were counted (see evidence.ts): the one with more of them. */
export function languageOf(counts: { de: number; en: number; umlaut: boolean }, fallback: Language): Language {
  const de = counts.de + (counts.umlaut ? 1 : 0);
  return counts.en > de ? 'en' : de > counts.en ? 'de' : fallback;
}
