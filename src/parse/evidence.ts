// Evidence read off one paragraph in a single scan of its words: language, whose voice it is in,
// how it opens and ends, quotation marks, names. The classifier weighs these with learned
// weights (see classify.ts and weights.json); nothing here decides anything by itself.
// Note: every trait is a general feature of German prose or of the newsletter's form, never a
// word taken from one issue, so that the weights learned on the labelled issues carry over.

import { ENGLISH, GERMAN } from './language.js';
import { isSpace } from './words.js';

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
  /** Capitalised words inside sentences, lower-cased: names and nouns the paragraph talks about. */
  capitals: string[];
  /** Content words (four letters or more, no function words), cut to a stem, for lexical cohesion. */
  terms: string[];
  /** First word, without punctuation. */
  firstWord: string;
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

const REFERS_BACK = /^(?:Und|Aber|Doch|Dabei|Daraus|Damit|Dazu|Darum|Wobei|Womit|Insbesondere|Insofern|Andererseits|Zumindest|Trotzdem|Jedenfalls|Deshalb|Deswegen|Also|Denn|Oder|Sondern|Dennoch|Daher|Allerdings|Immerhin|Übrigens|Nimmt man|Zuletzt|Zusammen mit|Die beiden|Diese[rsnm]?|Dies|Das|Sie|Er|Es|Ihr|Sein|Seine|Ihre|Auch hier|Hier|Dort|Dafür|Dagegen|Danach|Darin|Darauf|Davon|So|Soweit|Solche[rsnm]?)\b/;
const POINTS_BACK = /\b(?:dieses|diesen|diesem|dieser|diese|jenes|jener|besagte[rnms]?)\s+\p{Lu}/u;
const FOLLOWS_ON = /\b(?:dementsprechend|demnach|folglich|infolgedessen|widerspricht|entgegnet|antwortet|ergänzt|weiter|außerdem|zudem|ebenfalls)\b/;
const RELATED_ITEM = /(?<!\p{L})(?:ähnlich(?:e|en|er|es|em)?|passend(?:e|en|er|es)?|apropos|Apropos|Derweil|Unterdessen|Ebenfalls|Auch)\s+\p{L}/u;
const POINTS_AT_LINK = /^(?:Hier|Dort)\s+(?:kann man|können|gibt es|ist|sind|sieht man|lässt sich|findet|hat)\b/;
/** German discourse markers that turn from one item to the next. */
const TURNS_TO_NEXT = /^(?:Derweil|Unterdessen|Inzwischen|Apropos|Außerdem|Übrigens|Ach ja|Ach,|(?:Ganz )?[Aa]nderes Thema|Themenwechsel|Noch (?:eine?|ein paar|etwas)\b|Und dann (?:noch|war da)|(?:Ganz )?[Kk]urz noch|Passend dazu|Zum Schluss|Zu guter Letzt|Nachtrag|Zuletzt noch|Auch (?:interessant|lesenswert|sehenswert)|Ebenfalls)/;
/** A subject and a finite verb at the start: `Correctiv hat …`, `Die Wired hat …`, `Netzpolitik.org berichtet …`. */
const OPENS_WITH_ACTOR = /^(?:(?:Der|Die|Das|The)\s+)?\p{Lu}[\p{L}\d.&'’-]*(?:\s+\p{Lu}[\p{L}\d.&'’-]*){0,3}\s+(?:hat|haben|hatte|ist|war|berichtet|meldet|schreibt|zeigt|sagt|will|plant|veröffentlicht|veröffentlichte|kündigt|warnt|fordert|hält|sieht|argumentiert|analysiert|erklärt|fragt|beschreibt|bringt|legt|liefert|rechnet|recherchiert|nennt|spricht|bespricht|widmet)\b/u;
const ENUMERATION = /^(?:Erstens|Zweitens|Drittens|Viertens|Fünftens|Sechstens|Siebtens|Achtens|Neuntens|Zehntens|Zum einen|Zum anderen|First|Second|Third|Fourth|Finally)\b/;
const ANNOUNCES_OWN = /(?:\b[Hh]ier\s+(?:ein|eine|einen|die|der|das|meine?|mal|nun|also|was|wie)\b|^(?:Ok|OK|Okay|Mein Vorschlag|Also|Kurz gesagt|Zusammengefasst|Zur Erinnerung)\b|\b(?:ich|wir|uns|mich|mir)\b[^:.!?]*:\s*$)/;
const QUOTES_HIMSELF = /\b(?:schrieb ich|ich schrieb|postete ich|ich postete|twitterte ich|notierte ich|(?:hatte|habe) ich [^.:]{0,60}(?:geschrieben|gepostet|getwittert|notiert|formuliert)|(?:ich|Ich) [^.:]{0,40}(?:geschrieben|gepostet|getwittert)|meine[mn]? (?:alten |damaligen |eigenen )?(?:Post|Posting|Thread|Tweet|Text|Newsletter|Toot|Skeet)s?)\b/;

const OPENING_MARKS = '„»“"‚‘«';
const FIRST_SINGULAR = new Set(['ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines']);
const FIRST_PLURAL = new Set(['wir', 'uns', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres']);
const ADDRESS = new Set(['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'euch', 'euer', 'eure', 'euren', 'eurem', 'eurer']);
const COLLOQUIAL = new Set(['ja', 'halt', 'eh', 'mal', 'lol', 'ok', 'okay', 'ach', 'naja', 'tja', 'klar', 'jahaa', 'krass', 'quasi', 'sowieso', 'btw']);
const SUBJUNCTIVE = new Set(['sei', 'seien', 'werde', 'könne', 'müsse', 'solle', 'wolle', 'dürfe', 'gebe', 'habe', 'hieße', 'wäre', 'würden', 'stehe', 'liege', 'gehe', 'komme', 'fehle', 'brauche']);
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
const RECOMMENDS = /^(?:lesenswert|lesenwert|sehenswert|hörenswert|empfehlenswert|furios|großartig|spannend|ellenlang|klug|hervorragend|gut)/;
/** Openers of a sentence that are capitalised only by position. */
const SENTENCE_OPENERS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einen', 'im', 'in', 'auf', 'bei', 'laut', 'und', 'oder',
  'aber', 'auch', 'nachdem', 'wenn', 'dass', 'doch', 'hier', 'ich', 'wir', 'sie', 'er', 'es', 'man', 'mit', 'zu', 'zur', 'zum', 'von',
  'vom', 'über', 'unter', 'nach', 'vor', 'für', 'gegen', 'dabei', 'damit', 'dazu', 'so', 'wie', 'was', 'wer', 'warum', 'the', 'a', 'an',
  'this', 'that', 'it', 'in', 'on', 'as', 'but', 'and', 'if', 'when', 'we', 'i', 'he', 'she', 'they', 'you', 'dies', 'diese', 'dieser',
  'dieses', 'diesen', 'jetzt', 'heute', 'gestern', 'zuletzt', 'neulich', 'anlässlich', 'trotz', 'konkret', 'ganz', 'nun', 'da', 'als',
]);
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
    terms: [],
    firstWord: '',
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
  let quoteClose = ''; // the closing mark awaited while inside a quotation
  let quotedChars = 0;
  let sentenceStart = true; // the next word opens a sentence
  let nameRun = 0;
  let wordIndex = 0;
  let previousWord = '';
  let start = -1;
  let wordQuoted = false;

  const endWord = (end: number) => {
    const token = text.slice(start, end);
    start = -1;
    let from = 0;
    let to = token.length;
    while (from < to && !isLetterOrDigit(token.charCodeAt(from))) from++;
    while (to > from && !isLetterOrDigit(token.charCodeAt(to - 1))) to--;
    const trailing = token.slice(to);
    const word = token.slice(from, to);
    const opensSentence = sentenceStart;
    sentenceStart = /[.!?:…]["“”»«’']*$/.test(trailing) && !/^(?:\p{Lu}|Nr|No|bzw|bsw|z\.B|etc|ca|Dr|Prof|Mr|Mrs|Ms|St)$/u.test(word);
    if (token.includes('[…]') || token.includes('[...]')) evidence.elisions++;
    if (token.startsWith('@') && word) evidence.handles++;
    if (!word) return;
    evidence.words++;
    evidence.letters += word.length;
    if (wordIndex === 0) evidence.firstWord = word;
    const lower = word.toLowerCase();
    const quoted = wordQuoted;
    if (lower.length <= 9) {
      if (GERMAN.has(lower)) evidence.de++;
      else if (ENGLISH.has(lower)) evidence.en++;
      if (!quoted) {
        if (FIRST_SINGULAR.has(lower) && !(lower === 'ich' && previousWord === 'I')) {
          evidence.firstSingular++;
          if (end <= 60 || (opensSentence && word === 'Ich')) evidence.firstSingularEarly = true;
        } else if (FIRST_PLURAL.has(lower)) evidence.firstPlural++;
        else if (ADDRESS.has(lower) && (word === lower || opensSentence || word !== 'Dir')) evidence.address++;
        else if (COLLOQUIAL.has(lower) && (lower !== 'ja' || !opensSentence)) evidence.colloquial++;
        if (!opensSentence && (word === 'Sie' || word === 'Ihnen' || word === 'Ihr' || word === 'Ihre' || word === 'Ihren' || word === 'Ihrem')) evidence.formalAddress++;
        if (SUBJUNCTIVE.has(lower) && word === lower && previousWord.toLowerCase() !== 'ich') evidence.reported++;
      }
    }
    if (!quoted) {
      if (REPORTING.has(lower) && word === lower) evidence.reporting++;
      if (PASSIVE.has(word)) evidence.passive++;
      if (lower === 'es' && previousWord.toLowerCase() === 'heißt') evidence.reported++;
      if (MEDIA.has(lower) || MEDIA.has(lower.replace(/s$/, ''))) evidence.media++;
      if (RECOMMENDS.test(lower) && word === lower) evidence.recommends = true;
    }
    const code = word.charCodeAt(0);
    if (code >= 48 && code <= 57) evidence.digits++;
    if (wordIndex === 0) evidence.startsLower = isLower(word);
    const capital = isUpper(word);
    // A name word: capitalised, not a function word, and not merely opening a sentence.
    const nameWord = capital && !SENTENCE_OPENERS.has(lower) && !GERMAN.has(lower) && !ENGLISH.has(lower);
    if (nameWord) {
      nameRun++;
      if (nameRun === 2) {
        evidence.nameRuns++;
        if (wordIndex === 1) evidence.opensWithName = true;
      }
      if (!opensSentence) evidence.capitals.push(lower);
    } else nameRun = 0;
    if (/[,;:]$/.test(trailing)) nameRun = 0;
    if (lower.length >= 4 && !GERMAN.has(lower) && !ENGLISH.has(lower)) evidence.terms.push(stem(lower));
    if (evidence.sentences === 0) evidence.firstSentenceWords++;
    if (sentenceStart) evidence.sentences++;
    previousWord = word;
    wordIndex++;
  };

  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const char = i < text.length ? text[i]! : ' ';
    if (quoteClose) {
      quotedChars++;
      if (char === quoteClose || (quoteClose === '“' && (char === '”' || char === '"'))) quoteClose = '';
    } else if (OPENING_MARKS.includes(char) && (i === 0 || isSpace(text.charCodeAt(i - 1)) || '(–—-/'.includes(text[i - 1]!))) {
      quoteClose = char === '„' ? '“' : char === '»' ? '«' : char === '“' ? '”' : char === '‚' ? '‘' : char === '‘' ? '’' : char === '«' ? '»' : '"';
    }
    if (code >= 0xc0 && 'äöüÄÖÜß'.includes(char)) evidence.umlaut = true;
    if (isSpace(code)) {
      if (start >= 0) endWord(i);
    } else if (start < 0) {
      start = i;
      wordQuoted = quoteClose !== '' && !OPENING_MARKS.includes(char);
    }
  }
  if (evidence.sentences === 0 && evidence.words > 0) evidence.sentences = 1;

  const trimmed = text.trimEnd();
  evidence.lastChar = trimmed[trimmed.length - 1] ?? '';
  evidence.quotedShare = text.length ? Math.min(1, quotedChars / text.length) : 0;
  evidence.opensWithQuoteMark = OPENING_MARKS.includes(text[0] ?? '');
  evidence.wrapped = isWrappedInQuotes(text);
  evidence.elisionOnly = /^\s*\[(?:…|\.\.\.)\]\s*$/.test(text);
  const firstSentence = text.slice(0, 200);
  evidence.refersBack = REFERS_BACK.test(text);
  evidence.pointsBack = POINTS_BACK.test(firstSentence);
  evidence.followsOn = FOLLOWS_ON.test(firstSentence);
  evidence.relatedItem = RELATED_ITEM.test(firstSentence);
  evidence.pointsAtLink = POINTS_AT_LINK.test(text);
  evidence.turnsToNext = TURNS_TO_NEXT.test(text) || /\bübrigens\b/.test(firstSentence.slice(0, 80));
  evidence.opensWithActor = OPENS_WITH_ACTOR.test(text);
  evidence.enumeration = ENUMERATION.test(text);
  if (evidence.lastChar === ':') {
    evidence.quotesHimself = QUOTES_HIMSELF.test(text);
    evidence.announcesOwnText = !evidence.quotesHimself && ANNOUNCES_OWN.test(text.slice(-400));
  }
  evidence.letterLine = LETTER_OPENING.test(trimmed) || LETTER_CLOSING.test(trimmed) || (evidence.handles > 0 && evidence.words <= 4);
  return evidence;
}

/** A crude stem for comparing vocabulary: the first six letters (`Souveränität` ~ `souverän`). */
function stem(word: string): string {
  return word.length > 6 ? word.slice(0, 6) : word;
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000);
}

function isUpper(word: string): boolean {
  const c = word[0]!;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isLower(word: string): boolean {
  const c = word[0]!;
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

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
