// Evidence read off one paragraph in a single scan of its words: language, whose voice it is in,
// how it opens and ends, quotation marks, names. The classifier weighs these with learned
// weights (see classify.ts and weights.json); nothing here decides anything by itself.
// Note: every trait is a general feature of German prose or of the newsletter's form, never a
// word taken from one issue, so that the weights learned on the labelled issues carry over.

import { ENGLISH, GERMAN } from './language.js';
import { isSpace } from './words.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Character classes, looked up by UTF-16 code unit.
const SPACE = 1;
const LETTER = 2;
const UPPER = 4;
const LOWER = 8;
const DIGIT = 16;
const OPENING = 32;
const QUOTE_MARK = 64;
const UMLAUT = 128;
const OPENS_BEFORE = 256;
const CLASS = new Uint16Array(65536);
const CLOSING_OF = new Map<number, number>([
  [0x201e, 0x201c], // „ “
  [0xbb, 0xab], // » «
  [0x201c, 0x201d], // “ ”
  [0x201a, 0x2018], // ‚ ‘
  [0x2018, 0x2019], // ‘ ’
  [0xab, 0xbb], // « »
  [34, 34], // " "
]);
for (let c = 0; c < 65536; c++) {
  const char = String.fromCharCode(c);
  let kind = 0;
  // Note: a slash separates words too (`and/or`, `Autor*innen/Leser`), as whitespace does.
  if (isSpace(c) || c === 47) kind |= SPACE;
  if (c >= 48 && c <= 57) kind |= DIGIT;
  else if (/\p{L}/u.test(char)) {
    kind |= LETTER;
    if (/\p{Lu}/u.test(char)) kind |= UPPER;
    else if (/\p{Ll}/u.test(char)) kind |= LOWER;
  }
  if (CLOSING_OF.has(c)) kind |= OPENING;
  if ('„“”"‚‘’\'«»'.includes(char)) kind |= QUOTE_MARK;
  if ('äöüÄÖÜß'.includes(char)) kind |= UMLAUT;
  if ('(–—-/'.includes(char)) kind |= OPENS_BEFORE;
  CLASS[c] = kind;
}

/** What one paragraph shows, as counts and flags. */
export interface Evidence {
  chars: number;
  words: number;
  /** Function words of each language (Grefenstette's short-words method, see language.ts). */
  de: number;
  en: number;
  /** Umlauts or ß: German even when few function words are there. */
  umlaut: boolean;
  /** First person singular outside quotation marks, anywhere / in the first 60 characters. */
  firstSingular: number;
  firstSingularEarly: boolean;
  /** First person plural (`wir`, `uns`, `unser…`) outside quotation marks. */
  firstPlural: number;
  /** The reader addressed (`du`, `euch`, `ihr …t`). */
  address: number;
  /** Formal address inside a sentence (`Sie`, `Ihnen`): the author says `du` to his readers, his sources say `Sie`. */
  formalAddress: number;
  /** Colloquial particles and interjections (`ja`, `halt`, `mal`, `Ok`, `LOL`). */
  colloquial: number;
  /** German subjunctive of reported speech (`sei`, `habe`, `werde`) and attributions (`heißt es`). */
  reported: number;
  /** The German passive and future auxiliary (`wird`, `werden`, `wurde`): frequent in reports and essays, rare in the author's voice. */
  passive: number;
  /** Letters in all words, for the mean word length. */
  letters: number;
  /** A reporting verb outside quotation marks (`schreibt`, `sagt`, `argumentiert`). */
  reporting: number;
  /** A noun for what is linked (`Artikel`, `Essay`, `Podcast`) or a recommendation (`lesenswert`). */
  media: number;
  recommends: boolean;
  /** Runs of two or more capitalised words that are not sentence openers or function words. */
  nameRuns: number;
  /** The paragraph opens with such a run (`Adam Tooze mit …`, `M. Gessen analysiert`). */
  opensWithName: boolean;
  /** Capitalised words that are no function words, as hashes of the lower-cased word: names and nouns. */
  capitals: number[];
  /** The same words' stems (see `stemHash`), to find them among other paragraphs' terms. */
  capitalStems: number[];
  /** Content words (nouns, names, long words; no function words) as hashes of their stems, for lexical cohesion. */
  terms: number[];
  startsLower: boolean;
  /** Last character that is not whitespace. */
  lastChar: string;
  /** Share of the characters inside quotation marks. */
  quotedShare: number;
  wrapped: boolean;
  opensWithQuoteMark: boolean;
  elisions: number;
  /** The paragraph is nothing but `[…]`. */
  elisionOnly: boolean;
  /** Sentences (rough count of sentence ends). */
  sentences: number;
  /** Length of the first sentence in words. */
  firstSentenceWords: number;
  /** A salutation or sign-off of a letter or post (`Dear …,`, `Liebe …,`, `Best,`, a lone name). */
  letterLine: boolean;
  /** Digits and handles: dates, figures, `@name`. */
  digits: number;
  handles: number;
  /** Opens with a word that ties it to what came before (`Und`, `Dabei`, `Diese`, `Er`). */
  refersBack: boolean;
  /** A demonstrative pointing at something said (`dieses Alignment`) in the first sentence. */
  pointsBack: boolean;
  /** Says it follows from the paragraph before (`demnach`, `widerspricht`). */
  followsOn: boolean;
  /** Turns to a related item (`Zu einem ähnlichen Thema`). */
  relatedItem: boolean;
  /** Points at a link (`Hier kann man …`). */
  pointsAtLink: boolean;
  /** Turns to another item (`Derweil …`, `Ganz anderes Thema:`, `Noch eine Meldung`, `Übrigens`). */
  turnsToNext: boolean;
  /** Opens with someone doing something: a capitalised subject and a finite verb (`Correctiv hat recherchiert`). */
  opensWithActor: boolean;
  /** Opens an enumeration a source makes over several paragraphs (`Erstens:`). */
  enumeration: boolean;
  /** A lead-in with which the author announces his own text (`Ok, hier ein einfaches Modell:`). */
  announcesOwnText: boolean;
  /** A lead-in in which the author quotes his own earlier writing (`schrieb ich damals:`). */
  quotesHimself: boolean;
}

const REFERS_BACK = /^(?:Und|Aber|Doch|Dabei|Daraus|Damit|Dazu|Darum|Wobei|Womit|Insbesondere|Insofern|Andererseits|Zumindest|Trotzdem|Jedenfalls|Deshalb|Deswegen|Also|Denn|Oder|Sondern|Dennoch|Daher|Allerdings|Immerhin|Nimmt man|Zusammen mit|Die beiden|Diese[rsnm]?|Dies|Das (?:Paper|Buch|Stück|Video|Interview|Ergebnis|Problem|Argument|heißt)|Der (?:Artikel|Text|Essay|Punkt)|Die (?:Reportage|Ironie|Arbeit|Frage)|Sie|Er|Auch hier|Dafür|Dagegen|Danach|Darin|Darauf|Davon|Soweit|Solche[rsnm]?)\b/;
const POINTS_BACK = /\b(?:dieses|diesen|diesem|dieser|diese|jenes|jener|besagte[rnms]?)\s+(?!(?:Mal|Jahr|Jahres|Monat|Monats|Woche|Sommer|Winter|Frühjahr|Herbst|Wochenende)\b)\p{Lu}/u;
const FOLLOWS_ON = /\b(?:dementsprechend|demnach|folglich|infolgedessen|widerspricht|entgegnet|antwortet|ergänzt|weiter|außerdem|zudem|ebenfalls)\b/;
const RELATED_ITEM = /(?<!\p{L})(?:ähnlich(?:e|en|er|es|em)?|passend(?:e|en|er|es)?|apropos|Apropos|Derweil|Unterdessen|Ebenfalls|Auch)\s+\p{L}/u;
const POINTS_AT_LINK = /^(?:Hier|Dort)\s+(?:kann man|können|gibt es|ist|sind|sieht man|lässt sich|findet|hat)\b/;
/** German discourse markers that turn from one item to the next. */
const TURNS_TO_NEXT = /^(?:Derweil|Unterdessen|Apropos|Außerdem|Übrigens|Ach ja|Ach,|(?:Ganz )?[Aa]nderes Thema|Themenwechsel|Noch (?:eine?|ein paar|etwas)\b|Und dann (?:noch|war da)|(?:Ganz )?[Kk]urz noch|Passend dazu|Zum Schluss|Zu guter Letzt|Nachtrag|Zuletzt noch|Auch (?:interessant|lesenswert|sehenswert)|Ebenfalls)/;
/** A subject and a finite verb at the start: `Correctiv hat …`, `Die Wired hat …`, `Netzpolitik.org berichtet …`. */
const OPENS_WITH_ACTOR = /^(?:(?:Der|Die|Das|The)\s+)?\p{Lu}[\p{L}\d.&'’-]*(?:\s+\p{Lu}[\p{L}\d.&'’-]*){0,3}\s+(?:hat|haben|hatte|ist|war|berichtet|meldet|schreibt|zeigt|sagt|will|plant|veröffentlicht|veröffentlichte|kündigt|warnt|fordert|hält|sieht|argumentiert|analysiert|erklärt|fragt|beschreibt|bringt|legt|liefert|rechnet|recherchiert|nennt|spricht|bespricht|widmet)\b/u;
const ENUMERATION = /^(?:Erstens|Zweitens|Drittens|Viertens|Fünftens|Sechstens|Siebtens|Achtens|Neuntens|Zehntens|Zum einen|Zum anderen|First|Second|Third|Fourth|Finally)\b/;
const ANNOUNCES_OWN = /(?:\b[Hh]ier\s+(?:ein|eine|einen|die|der|das|meine?|mal|nun|also|was|wie)\b|^(?:Ok|OK|Okay|Mein Vorschlag|Also|Kurz gesagt|Zusammengefasst|Zur Erinnerung)\b|\b(?:ich|wir)\b(?![^:.!?]*\b(?:geantwortet|geschrieben|gesagt|erzählt|erklärt|zitiert)\b)[^:.!?]*:\s*$)/;
const QUOTES_HIMSELF = /\b(?:schrieb ich|ich schrieb|postete ich|ich postete|twitterte ich|notierte ich|(?:hatte|habe) ich [^.:]{0,60}(?:geschrieben|gepostet|getwittert|notiert|formuliert)|(?:ich|Ich) [^.:]{0,40}(?:geschrieben|gepostet|getwittert)|meine[mn]? (?:alten |damaligen |eigenen )?(?:Post|Posting|Thread|Tweet|Text|Newsletter|Toot|Skeet)s?)\b/;

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
const IS_GERMAN = 1;
const IS_ENGLISH = 2;
const IS_FIRST_SINGULAR = 4;
const IS_FIRST_PLURAL = 8;
const IS_ADDRESS = 16;
const IS_COLLOQUIAL = 32;
const IS_SUBJUNCTIVE = 64;
const IS_REPORTING = 128;
const IS_PASSIVE = 256;
const IS_MEDIA = 512;
const IS_OPENER = 1024;
const IS_FORMAL = 2048;
/** Flags by the hash of the lower-cased word (see `wordHash`). */
const WORDS = new Map<number, number>();
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
const LONGEST_LISTED = 16;
const ICH = wordHash('ich');
const DIR = wordHash('dir');
const JA = wordHash('ja');
const ES = wordHash('es');
const HEISST = wordHash('heißt');
const RECOMMENDING_WORDS = ['lesenswert', 'lesenwert', 'sehenswert', 'hörenswert', 'empfehlenswert', 'furios', 'großartig', 'spannend', 'ellenlang', 'klug', 'hervorragend'];
const RECOMMENDING = new Set(RECOMMENDING_WORDS.map(wordHash));
const RECOMMENDING_FIRST = new Set(RECOMMENDING_WORDS.map((word) => word.charCodeAt(0)));
const RECOMMENDING_LENGTHS = new Uint8Array(16);
for (const word of RECOMMENDING_WORDS) RECOMMENDING_LENGTHS[word.length] = 1;

/** Whether the word ending before `to` ends in `iere` (`kontrolliere`: the subjunctive of verbs in -ieren). */
function endsWithIere(text: string, to: number): boolean {
  return lowerCode(text.charCodeAt(to - 4)) === 105 && lowerCode(text.charCodeAt(to - 3)) === 101 && lowerCode(text.charCodeAt(to - 2)) === 114 && lowerCode(text.charCodeAt(to - 1)) === 101;
}

const LETTER_OPENING = /^(?:Dear|Hi|Hello|Hey|Liebe|Lieber|Hallo|Sehr geehrte)\b[^.!?]{0,60},$/;
const LETTER_CLOSING = /^(?:Best|Regards|Sincerely|Cheers|Thanks|Love|Yours|Beste Grüße|Viele Grüße|Liebe Grüße|Grüße|Herzlich|Mit freundlichen Grüßen)\b[^.!?]{0,40},?$/i;

/** Reads the evidence of one paragraph. */
export function readEvidence(text: string): Evidence {
  const evidence: Evidence = {
    chars: text.length,
    words: 0,
    de: 0,
    en: 0,
    umlaut: false,
    firstSingular: 0,
    firstSingularEarly: false,
    firstPlural: 0,
    address: 0,
    formalAddress: 0,
    colloquial: 0,
    reported: 0,
    passive: 0,
    letters: 0,
    reporting: 0,
    media: 0,
    recommends: false,
    nameRuns: 0,
    opensWithName: false,
    capitals: [],
    capitalStems: [],
    terms: [],
    startsLower: false,
    lastChar: '',
    quotedShare: 0,
    wrapped: false,
    opensWithQuoteMark: false,
    elisions: 0,
    elisionOnly: false,
    sentences: 0,
    firstSentenceWords: 0,
    letterLine: false,
    digits: 0,
    handles: 0,
    refersBack: false,
    pointsBack: false,
    followsOn: false,
    relatedItem: false,
    pointsAtLink: false,
    turnsToNext: false,
    opensWithActor: false,
    enumeration: false,
    announcesOwnText: false,
    quotesHimself: false,
  };
  let quoteClose = 0; // the closing mark awaited while inside a quotation
  let quotedChars = 0;
  let sentenceStart = true; // the next word opens a sentence
  let nameRun = 0;
  let wordIndex = 0;
  let previousHash = 0;
  let previousIsCapitalI = false;
  let start = -1;
  let wordQuoted = false;
  let bracket = false;

  // Note: one scan over character codes, words handled as they end; no regular expression and
  // few strings per word, because every paragraph of every issue passes through here.
  const endWord = (end: number) => {
    const tokenStart = start;
    let from = start;
    let to = end;
    start = -1;
    while (from < to && !(CLASS[text.charCodeAt(from)]! & (LETTER | DIGIT))) from++;
    while (to > from && !(CLASS[text.charCodeAt(to - 1)]! & (LETTER | DIGIT))) to--;
    const opensSentence = sentenceStart;
    if (bracket) {
      const token = text.slice(tokenStart, end);
      if (token.includes('[…]') || token.includes('[...]')) evidence.elisions++;
    }
    bracket = false;
    // A sentence ends at . ! ? : … after the word (quotation marks may follow), unless the word is an initial or abbreviation.
    let ends = false;
    for (let i = end - 1; i >= to; i--) {
      const c = text.charCodeAt(i);
      if (c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026) {
        ends = true;
        break;
      }
      if (!(CLASS[c]! & QUOTE_MARK)) break;
    }
    const length = to - from;
    if (length === 0) {
      sentenceStart = ends || sentenceStart;
      return;
    }
    const first = text.charCodeAt(from);
    const capital = (CLASS[first]! & UPPER) !== 0;
    if (ends && text.charCodeAt(to) === 46 && ((capital && length === 1) || (length <= 4 && ABBREVIATIONS.has(text.slice(from, to))))) ends = false;
    sentenceStart = ends;
    if (text.charCodeAt(from - 1) === 64 /* @ */) evidence.handles++;
    evidence.words++;
    evidence.letters += length;
    // The word's hash, its stem's hash and whether it opens with a recommending stem, in one pass.
    let hash = FNV_OFFSET;
    let stem = FNV_OFFSET;
    let recommending = false;
    const mayRecommend = RECOMMENDING_FIRST.has(first);
    for (let i = from; i < to; i++) {
      hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), FNV_PRIME);
      const letters = i - from + 1;
      if (letters === STEM) stem = hash;
      if (mayRecommend && letters < 16 && RECOMMENDING_LENGTHS[letters] && RECOMMENDING.has(hash >>> 0)) recommending = true;
    }
    hash >>>= 0;
    stem = length < STEM ? hash : stem >>> 0;
    const flags = length <= LONGEST_LISTED ? (WORDS.get(hash) ?? 0) : 0;
    const isLowerWord = (CLASS[first]! & LOWER) !== 0;
    if (wordIndex === 0) evidence.startsLower = isLowerWord;
    const functionWord = (flags & (IS_GERMAN | IS_ENGLISH)) !== 0;
    if (flags & IS_GERMAN) evidence.de++;
    else if (flags & IS_ENGLISH) evidence.en++;
    if (!wordQuoted) {
      if (flags & IS_FIRST_SINGULAR && !(hash === ICH && previousIsCapitalI)) {
        evidence.firstSingular++;
        if (to <= 60 || (opensSentence && capital && hash === ICH)) evidence.firstSingularEarly = true;
      } else if (flags & IS_FIRST_PLURAL) evidence.firstPlural++;
      else if (flags & IS_ADDRESS && (isLowerWord || opensSentence || hash !== DIR)) evidence.address++;
      else if (flags & IS_COLLOQUIAL && (hash !== JA || !opensSentence)) evidence.colloquial++;
      if (capital && !opensSentence && flags & IS_FORMAL) evidence.formalAddress++;
      if (isLowerWord) {
        if ((flags & IS_SUBJUNCTIVE || (length > 6 && endsWithIere(text, to))) && previousHash !== ICH) evidence.reported++;
        if (flags & IS_REPORTING) evidence.reporting++;
        if (flags & IS_PASSIVE) evidence.passive++;
        if (hash === ES && previousHash === HEISST) evidence.reported++;
        if (recommending) evidence.recommends = true;
      }
      if (flags & IS_MEDIA) evidence.media++;
    }
    if (CLASS[first]! & DIGIT) evidence.digits++;
    // A name word: capitalised, not a function word, and not merely opening a sentence.
    const nameWord = capital && !functionWord && !(flags & IS_OPENER);
    if (nameWord) {
      nameRun++;
      if (nameRun === 2) {
        evidence.nameRuns++;
        if (wordIndex === 1) evidence.opensWithName = true;
      }
      evidence.capitals.push(hash);
      evidence.capitalStems.push(stem);
    } else nameRun = 0;
    const after = text.charCodeAt(to);
    if (after === 44 || after === 59 || after === 58) nameRun = 0;
    // Note: nouns and names (capitalised) and long words carry the topic; short lower-case words add only noise.
    if (length >= 4 && !functionWord && (nameWord || length >= 9)) evidence.terms.push(stem);
    if (evidence.sentences === 0) evidence.firstSentenceWords++;
    if (sentenceStart) evidence.sentences++;
    previousIsCapitalI = length === 1 && first === 73;
    previousHash = hash;
    wordIndex++;
  };

  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const kind = CLASS[c]!;
    if (quoteClose) {
      quotedChars++;
      if (c === quoteClose || (quoteClose === 0x201c && (c === 0x201d || c === 34))) quoteClose = 0;
    } else if (kind & OPENING && (i === 0 || CLASS[text.charCodeAt(i - 1)]! & (SPACE | OPENS_BEFORE))) {
      quoteClose = CLOSING_OF.get(c)!;
    }
    if (kind & UMLAUT) evidence.umlaut = true;
    if (kind & SPACE) {
      if (start >= 0) endWord(i);
    } else {
      if (start < 0) {
        start = i;
        wordQuoted = quoteClose !== 0 && !(kind & OPENING);
      }
      if (c === 91) bracket = true;
    }
  }
  if (evidence.sentences === 0 && evidence.words > 0) evidence.sentences = 1;

  const trimmed = text.trimEnd();
  evidence.lastChar = trimmed[trimmed.length - 1] ?? '';
  evidence.quotedShare = text.length ? Math.min(1, quotedChars / text.length) : 0;
  evidence.opensWithQuoteMark = text.length > 0 && (CLASS[text.charCodeAt(0)]! & OPENING) !== 0;
  evidence.wrapped = isWrappedInQuotes(text);
  evidence.elisionOnly = evidence.words === 0 && evidence.elisions > 0 && /^\s*\[(?:…|\.\.\.)\]\s*$/.test(text);
  const firstSentence = text.slice(0, 200);
  evidence.refersBack = REFERS_BACK.test(firstSentence);
  evidence.pointsBack = POINTS_BACK.test(firstSentence);
  evidence.followsOn = FOLLOWS_ON.test(firstSentence);
  evidence.relatedItem = RELATED_ITEM.test(firstSentence);
  evidence.pointsAtLink = POINTS_AT_LINK.test(firstSentence);
  evidence.turnsToNext = TURNS_TO_NEXT.test(firstSentence) || /\bübrigens\b/.test(firstSentence.slice(0, 80));
  evidence.opensWithActor = OPENS_WITH_ACTOR.test(firstSentence);
  evidence.enumeration = ENUMERATION.test(firstSentence);
  if (evidence.lastChar === ':') {
    const ending = text.slice(-400);
    evidence.quotesHimself = QUOTES_HIMSELF.test(ending);
    evidence.announcesOwnText = !evidence.quotesHimself && ANNOUNCES_OWN.test(ending);
  }
  if (trimmed.length <= 120) evidence.letterLine = LETTER_OPENING.test(trimmed) || LETTER_CLOSING.test(trimmed) || (evidence.handles > 0 && evidence.words <= 4);
  return evidence;
}

/** How many letters of a word its stem keeps: `Souveränität` and `souverän` share `souver`. */
const STEM = 6;

/** A 32-bit hash (FNV-1a) of the lower-cased letters from..to-1: words compared as numbers. */
function hashWord(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), FNV_PRIME);
  return hash >>> 0;
}

/** The hash of a word's stem, as the terms of a paragraph hold it (for names found elsewhere). */
export function stemHash(word: string): number {
  return hashWord(word, 0, Math.min(word.length, STEM));
}

/** The hash of a whole word, as the capitals of a paragraph hold it. */
export function wordHash(word: string): number {
  return hashWord(word, 0, word.length);
}

function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c < 0x250 && !(CLASS[c]! & UPPER)) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

const ABBREVIATIONS = new Set(['Nr', 'No', 'bzw', 'bsw', 'etc', 'ca', 'Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'St', 'B', 'vgl', 'usw']);


/** Opening and closing quotation marks as German and English texts use them. */
const OPENING_QUOTES = '„"“»‚‘\'«';
const CLOSING_QUOTES = '“"”«‘’\'»';

/** A paragraph that starts with an opening quotation mark and ends with a closing one (before any `[…]`). */
export function isWrappedInQuotes(text: string): boolean {
  if (!OPENING_QUOTES.includes(text[0] ?? '')) return false;
  let end = text.length;
  const trimPunctuation = () => {
    while (end > 0 && /[\s.,;:!?]/.test(text[end - 1]!)) end--;
  };
  trimPunctuation();
  if (/\[(?:…|\.\.\.)\]$/.test(text.slice(Math.max(0, end - 5), end))) {
    end = text.lastIndexOf('[', end - 1);
    trimPunctuation();
  }
  return end > 20 && CLOSING_QUOTES.includes(text[end - 1]!);
}
