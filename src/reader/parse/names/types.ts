// The name reader's data: a mention (what it returns), and what its steps hand on: a word token
// with its sentence and scopes, a run of capitalised words, the words kept of it, and their shape.

export type NameKind = 'person' | 'outlet';

/** A name in a paragraph and what its position says about it. */
export interface Mention {
  /** The name as written, without article, descriptor or possessive ending (`Anne Helm`). */
  name: string;
  kind: NameKind;
  /** Whether the kind is certain (a role, the shape of an outlet) or only likely. */
  kindSure: boolean;
  /** One word that may be a person's surname: a full name elsewhere in the issue tells. */
  single: boolean;
  /** Where its first word stands in the paragraph: in words, in characters; its sentence. */
  at: number;
  offset: number;
  sentence: number;
  /** The construction that reads it (`subject-reporting`, `after-laut`, `place`): a feature of the source model. */
  construction: string;
  /** Why it reads as a source (`subject of "schreibt"`, `after "laut"`). */
  why: string;
  /** Named in passing: in no construction of a speaker or publisher. */
  passing?: boolean;
  /** The role written before it (`finanzminister`, `ökonomin`), lower case. */
  role?: string;
  /** It opens its sentence (after an article or a particle at most). */
  opensSentence?: boolean;
  /** Its own first word opens the sentence, where any word is capitalised (`Gute Nachrichten: …`). */
  initialWord?: boolean;
  /** One of three or more names listed with commas or `und` (`Beiträge von A, B und C`). */
  listed?: boolean;
  /**
   * Strong: a position only a speaker or publisher takes; presents: joined to a piece or medium it
   * publishes (`Essay in 54Books`); speaks: the subject or agent of its verb, after `laut`, a title named.
   */
  strong: boolean;
  presents: boolean;
  speaks: boolean;
  /** Its verb is one of plain speech (`Donald Trump sprach …`, `fordert`): news, unless a piece is presented too. */
  news: boolean;
  /** Its verb is one of publishing (`berichtet`, `meldet`, `enthüllt`): what outlets do. */
  publishing?: boolean;
  /** Cited as earlier background (`wie schon X bemerkte`, `hatte bereits X beobachtet`). */
  background: boolean;
  /** The sentence recommends a piece (`lesenswert`). */
  recommended: boolean;
  /** The first word of the run it was read from: people joined by `und` share it. */
  group: number;
  /** Named after `sein`/`ihr` (`in seinem Newsletter BIG`): the medium of a person named before. */
  theirs?: boolean;
  /** For a person: the outlet they speak in (`Charley Warzel … im Atlantic`); for an outlet, the person. */
  partner?: Mention;
}

/** One whitespace-separated word with its punctuation and where it stands. */
export interface Token {
  word: string;
  /** Punctuation before the word (opening quotes, brackets) and after it. */
  pre: string;
  post: string;
  lower: string;
  /** Starts with a capital (or digits then a capital: `54Books`). */
  cap: boolean;
  /** A name written in lower case (`die taz`), read as capitalised. */
  lowerCaseName?: boolean;
  /** A name initial: `M.`, `J.D.`, `S.`. */
  initial: boolean;
  sentence: number;
  /** Index of the clause (clauses end at `,` `;` `:` a dash, a bracket or a sentence end). */
  clause: number;
  sentenceStart: boolean;
  sentenceEnd: boolean;
  clauseEnd: boolean;
  /** Inside quotation marks or brackets: not the author's naming. */
  quoted: boolean;
  paren: boolean;
  /** Inside a `dass`, `ob`, `nachdem` … clause: what is reported, not who reports. */
  sub: boolean;
  /** Inside an `über …` / `zum Thema …` phrase: the topic of a piece. */
  topic: boolean;
  /** `Atlantics‘`: a possessive marked with an apostrophe. */
  apostrophe: boolean;
  /** Where the word starts in the paragraph. */
  offset: number;
  /** The sentence it stands in, with what is known of it. */
  info: SentenceInfo;
}

/** A sentence of a paragraph: its words (`start` to `end`), and, once asked, whether it has a verb or recommends. */
export interface SentenceInfo {
  start: number;
  end: number;
  verb?: boolean;
  recommends?: boolean;
}

/** A run of capitalised words, as found, before reading it as a name. */
export interface Run {
  start: number;
  /** Index after the last word. */
  end: number;
}

/** A run read as a name: the words that remain and what was dropped before them. */
export interface NameWords {
  words: Token[];
  first: number;
  role: boolean;
  /** Common nouns dropped before the name (`Venture Capitalistbude`). */
  descriptor: boolean;
  /** An article before the name (`Die Wired`, `der Zeit`, `The Atlantic`). */
  article: boolean;
}

/** The name a run of words spells, and what its shape says about its kind. */
export interface Shape {
  name: string;
  kind?: NameKind;
  reason: string;
  sure: boolean;
  single: boolean;
  /** Only common words: a phrase, unless its position makes it an outlet (`in Analyse und Kritik`). */
  phrase: boolean;
}
