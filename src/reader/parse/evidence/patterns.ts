// Patterns read off a paragraph as a whole: how it opens (referring back, turning to the next
// item, pointing at a link), how a lead-in ends (the author announcing his own text, quoting his
// own posts), the lines of a letter, and quotation marks around the whole paragraph.

export const REFERS_BACK =
  /^(?:Und|Aber|Doch|Dabei|Daraus|Damit|Dazu|Darum|Wobei|Womit|Insbesondere|Insofern|Andererseits|Zumindest|Trotzdem|Jedenfalls|Deshalb|Deswegen|Also|Denn|Oder|Sondern|Dennoch|Daher|Allerdings|Immerhin|Nimmt man|Zusammen mit|Die beiden|Diese[rsnm]?|Dies|Das (?:Paper|Buch|Stück|Video|Interview|Ergebnis|Problem|Argument|heißt)|Der (?:Artikel|Text|Essay|Punkt)|Die (?:Reportage|Ironie|Arbeit|Frage)|Sie|Er|Auch hier|Dafür|Dagegen|Danach|Darin|Darauf|Davon|Soweit|Solche[rsnm]?)\b/;
export const POINTS_BACK = /\b(?:dieses|diesen|diesem|dieser|diese|jenes|jener|besagte[rnms]?)\s+(?!(?:Mal|Jahr|Jahres|Monat|Monats|Woche|Sommer|Winter|Frühjahr|Herbst|Wochenende)\b)\p{Lu}/u;
export const FOLLOWS_ON = /\b(?:dementsprechend|demnach|folglich|infolgedessen|widerspricht|entgegnet|antwortet|ergänzt|weiter|außerdem|zudem|ebenfalls)\b/;
/** A word one of the patterns after it needs: a quick look that most paragraphs fail, before the pattern itself. */
export const RELATED_ITEM_WORD = /ähnlich|passend|[aA]propos|Derweil|Unterdessen|Ebenfalls|Auch/;
export const POINTS_BACK_WORD = /dies|jene|besagte/;
export const RELATED_ITEM = /(?<!\p{L})(?:ähnlich(?:e|en|er|es|em)?|passend(?:e|en|er|es)?|apropos|Apropos|Derweil|Unterdessen|Ebenfalls|Auch)\s+\p{L}/u;
export const POINTS_AT_LINK = /^(?:Hier|Dort)\s+(?:kann man|können|gibt es|ist|sind|sieht man|lässt sich|findet|hat)\b/;
/** German discourse markers that turn from one item to the next. */
export const TURNS_TO_NEXT =
  /^(?:Derweil|Unterdessen|Apropos|Außerdem|Übrigens|Ach ja|Ach,|(?:Ganz )?[Aa]nderes Thema|Themenwechsel|Noch (?:eine?|ein paar|etwas)\b|Und dann (?:noch|war da)|(?:Ganz )?[Kk]urz noch|Passend dazu|Zum Schluss|Zu guter Letzt|Nachtrag|Zuletzt noch|Auch (?:interessant|lesenswert|sehenswert)|Ebenfalls)/;
/** A subject and a finite verb at the start: `Correctiv hat …`, `Die Wired hat …`, `Netzpolitik.org berichtet …`. */
export const OPENS_WITH_ACTOR =
  /^(?:(?:Der|Die|Das|The)\s+)?\p{Lu}[\p{L}\d.&'’-]*(?:\s+\p{Lu}[\p{L}\d.&'’-]*){0,3}\s+(?:hat|haben|hatte|ist|war|berichtet|meldet|schreibt|zeigt|sagt|will|plant|veröffentlicht|veröffentlichte|kündigt|warnt|fordert|hält|sieht|argumentiert|analysiert|erklärt|fragt|beschreibt|bringt|legt|liefert|rechnet|recherchiert|nennt|spricht|bespricht|widmet)\b/u;
export const ENUMERATION = /^(?:Erstens|Zweitens|Drittens|Viertens|Fünftens|Sechstens|Siebtens|Achtens|Neuntens|Zehntens|Zum einen|Zum anderen|First|Second|Third|Fourth|Finally)\b/;
export const ANNOUNCES_OWN =
  /(?:\b[Hh]ier\s+(?:ein|eine|einen|die|der|das|meine?|mal|nun|also|was|wie)\b|^(?:Ok|OK|Okay|Mein Vorschlag|Also|Kurz gesagt|Zusammengefasst|Zur Erinnerung)\b|\b(?:ich|wir)\b(?![^:.!?]*\b(?:geantwortet|geschrieben|gesagt|erzählt|erklärt|zitiert)\b)[^:.!?]*:\s*$)/;
export const QUOTES_HIMSELF =
  /\b(?:schrieb ich|ich schrieb|postete ich|ich postete|twitterte ich|notierte ich|(?:hatte|habe) ich [^.:]{0,60}(?:geschrieben|gepostet|getwittert|notiert|formuliert)|(?:ich|Ich) [^.:]{0,80}(?:geschrieben|gepostet|getwittert|formuliert)|meine[mn]? (?:alten |damaligen |eigenen )?(?:Post|Posting|Thread|Tweet|Text|Newsletter|Toot|Skeet)s?)\b/;
/** A salutation opening a letter or mail, alone on its line or before its first sentence. */
export const SALUTATION = /^(?:Dear|Hi|Hello|Hey|Liebe|Lieber|Hallo|Moin|Servus|Sehr geehrte[rs]?)\b[^.!?,:]{0,40},/;
export const LETTER_OPENING = /^(?:Dear|Hi|Hello|Hey|Liebe|Lieber|Hallo|Sehr geehrte)\b[^.!?]{0,60},$/;
export const LETTER_CLOSING = /^(?:Best|Regards|Sincerely|Cheers|Thanks|Love|Yours|(?:\p{L}+e )?Grüße|Herzlich(?:st|e|en)?|Mit (?:\p{L}+en )?Grüßen|Gruß|Ciao|Tschüss)\b[^.!?]{0,40},?$/iu;
/** A word saying when, near a paragraph's start: how the author turns to the news of the week (`Arte hat gerade …`, `Ich lese gerade …`). */
export const SAYS_WHEN = /\b(?:gerade|neulich|kürzlich|soeben|jüngst|vorgestern|gestern|diese Woche|letzte Woche|vergangene Woche|am Wochenende|seit ein paar Tagen)\b/;

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
