// Evidence read off a single paragraph: whose voice it is in, whether it introduces a source or
// a quote, whether it refers back to what came before. The classifier combines these; each one
// is a general trait of German prose or of this newsletter's form, not a word from one issue.

/** Opening and closing quotation marks as German and English texts use them. */
const OPENING_QUOTES = '„"“»‚‘\'«';
const CLOSING_QUOTES = '“"”«‘’\'»';

/** The elision mark `[…]`, which only quotes carry. */
export const ELISION = /\[(?:…|\.\.\.)\]/;

/** Text outside quotation marks (quoted words inside commentary are not the author's own). */
export function outsideQuotes(text: string): string {
  return text.replace(/„[^“”"]*[“”"]|»[^«]*«|“[^”]*”|"[^"]*"/g, ' ');
}

/** A paragraph that starts with an opening quotation mark and ends with a closing one. */
export function isWrappedInQuotes(text: string): boolean {
  if (!OPENING_QUOTES.includes(text[0] ?? '')) return false;
  // Trim trailing space and sentence punctuation, then an elision mark, then punctuation again.
  let end = text.length;
  const trimPunctuation = () => {
    while (end > 0 && /[\s.,;:!?]/.test(text[end - 1]!)) end--;
  };
  trimPunctuation();
  if (text.slice(Math.max(0, end - 5), end).match(/\[(?:…|\.\.\.)\]$/)) {
    end = text.lastIndexOf('[', end - 1);
    trimPunctuation();
  }
  return end > 20 && CLOSING_QUOTES.includes(text[end - 1]!);
}

/** Sentences of a paragraph (rough: split after . ! ? before a capital or a quotation mark). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?…])\s+(?=[\p{Lu}„»"“(])/u).filter(Boolean);
}

/**
 * The author's own voice: first person at the start of a sentence, addressing the reader,
 * colloquial particles, English words mixed into German, rhetorical questions and exclamations.
 * Returns the traits found.
 */
export function authorVoice(text: string): string[] {
  // Note: a paragraph is weighed as itself and again as the next one's lead-in: remember the last few.
  const known = voiceCache.get(text);
  if (known) return known;
  const traits = readVoice(text);
  if (voiceCache.size >= 16) voiceCache.clear();
  voiceCache.set(text, traits);
  return traits;
}

const voiceCache = new Map<string, string[]>();

function readVoice(text: string): string[] {
  const own = outsideQuotes(text);
  const traits: string[] = [];
  if (/(?:^|[.!?:]\s+|\s[–—-]\s)(?:Ich|Mich|Mir|Mein\w*)\b/.test(own) || /\b(?:ich|mich|mir)\b/.test(own.slice(0, 60))) traits.push('first person');
  else if (/\b(?:ich|mich|mir|meine[nmrs]?)\b/.test(own)) traits.push('first person later');
  if (/\b(?:Du|Dich|Dir|Dein\p{Ll}*|Euch|Euer|Eure\p{Ll}*)\b/u.test(own) || /\b[Ii]hr\s+\p{Ll}+t\b/u.test(own)) traits.push('addresses the reader');
  if (/\s(?:ja|halt|eh|mal|doch mal|LOL|lol)\s/.test(` ${own} `) || /^(?:Ok|OK|Okay|Ach|Jahaa|Naja|Tja|Klar)\b/.test(own)) traits.push('colloquial');
  if ((own.match(/\b(?:again|turns out|called|all|gonna|make it|bestest|the|of|and)\b/g) ?? []).length >= 2) traits.push('English words mixed in');
  if (/[?!]\s*$/.test(own.trim())) traits.push('question or exclamation');
  return traits;
}

/** Reported speech: German subjunctive forms and attribution phrases of news reports. */
export function reportedSpeech(text: string): boolean {
  const own = outsideQuotes(text);
  return /\b(?:werde|sei|seien|könne|müsse|solle|wolle|dürfe|gebe|hieße|habe)\b/.test(own.replace(/\bich\s+habe\b/gi, '')) ||
    /\b(?:heißt es|sagte|erklärte|teilte\s+\w+\s+mit|so\s+\p{Lu}\p{Ll}+)\b/u.test(own);
}

/** Words that tie a paragraph to the one before it: `Und`, `Dabei`, `Nimmt man diesen …`. */
export function refersBack(text: string): boolean {
  return /^(?:Und|Aber|Doch|Dabei|Daraus|Damit|Dazu|Darum|Wobei|Womit|Insbesondere|Insofern|Andererseits|Zumindest|Trotzdem|Jedenfalls|Deshalb|Deswegen|Also|Denn|Oder|Sondern|Dennoch|Daher|Nimmt man|Zuletzt|Zusammen mit|Die beiden|Diese[rsnm]?|Dies|Diesmal|Das (?:Paper|Buch|Stück|Video|Interview|Ergebnis)|Der (?:Artikel|Text|Essay)|Die (?:Reportage|Ironie|Arbeit)|Sie|Er)\b/.test(text);
}

/** Enumerations a source makes in several paragraphs: `Erstens: …`, `Zweitens: …`. */
export function isEnumeration(text: string): boolean {
  return /^(?:Erstens|Zweitens|Drittens|Viertens|Fünftens|Sechstens|Siebtens|Achtens|Neuntens|Zehntens|Zum einen|Zum anderen)\b/.test(text);
}

/**
 * A lead-in the author writes before his own material (`Ok, hier ein einfaches Modell:`,
 * `Hier die Grundlinien …:`), as opposed to one that hands over to a source.
 */
export function announcesOwnText(text: string): boolean {
  return /:\s*$/.test(text) && (/\b(?:hier|Hier)\s+(?:ein|eine|einen|die|der|das|meine?)\b/.test(text) || /^(?:Ok|OK|Okay|Mein Vorschlag)\b/.test(text));
}

/** Nouns for what the author links to: articles, essays, interviews, papers, videos, podcasts. */
export const MEDIA = /(?:Artikel|[Ee]ssay|Interview|Paper|Podcast|Video|Longread|Newsletter|Blogpost|Studie|Reportage|Thread|Ausgabe|Buch|Stück|Kolumne|Serie|Beitrag|Text|Recherche|Analyse|Website|Mitschnitt|Gespräch|Vortrag|Talk)\b/u;
/** The author's recommendations: `lesenswert`, `sehenswert`, `furios`. */
export const RECOMMENDATION = /\b(?:lesenswert\p{Ll}*|lesenwert\p{Ll}*|sehenswert\p{Ll}*|hörenswert\p{Ll}*|empfehlenswert\p{Ll}*|furios\p{Ll}*|großartig\p{Ll}*|beunruhigend\p{Ll}*|ellenlang\p{Ll}*|wichtig\p{Ll}*)\b/u;
