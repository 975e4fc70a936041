// What the evidence of one paragraph holds: counts and flags read in one scan (index.ts), weighed
// by the scorers with learned weights. Every one is a trait of German prose or the newsletter's form.

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
  /** Opens with a salutation (`Hallo,`, `Lieber Michael, ich …`): a letter begins. */
  salutation: boolean;
  /** How many of `terms` are in the first sentence. */
  firstSentenceTerms: number;
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
  /** Says when in its first sentence (`gerade`, `neulich`, `diese Woche`). */
  saysWhen: boolean;
  /** A lead-in with which the author announces his own text (`Ok, hier ein einfaches Modell:`). */
  announcesOwnText: boolean;
  /** A lead-in in which the author quotes his own earlier writing (`schrieb ich damals:`). */
  quotesHimself: boolean;
}

/** The evidence of a paragraph of `length` characters before its scan: nothing seen yet. */
export function emptyEvidence(length: number): Evidence {
  return {
    chars: length,
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
    salutation: false,
    firstSentenceTerms: 0,
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
    saysWhen: false,
    announcesOwnText: false,
    quotesHimself: false,
  };
}
