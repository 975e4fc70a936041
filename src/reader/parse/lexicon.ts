// The lexicon: every word list the reader knows, in one place. Here the lists the source finder
// reads names with; in lexicon/ the function words and abbreviations (function-words.ts), the words
// of a voice the evidence counts (voice.ts), and how common a word is in German (background.ts).
// German capitalises every noun, so a capitalised word is a name only when it is none of these: a
// function word (capitalised at the start of a sentence), a common noun (`nouns.ts`, derived from
// a dictionary), or a role (`die Ökonomin`). Outlets are told by their shape and by the kinds of
// media named here, not by a list of outlet names. Every list is short enough to read; each says
// what it is for.

import { DETERMINER_ADJECTIVES, FUNCTION_WORDS } from './lexicon/function-words.js';
import { germanNouns } from './nouns.js';

export { backgroundRank, FORM_WORDS, isFirstName, isSurname } from './lexicon/background.js';
export { ABBREVIATIONS, ENGLISH_COMMON, ENGLISH_COMMONEST, EVIDENCE_ABBREVIATIONS, GERMAN_COMMONEST } from './lexicon/function-words.js';
export * from './lexicon/voice.js';

/** Whether a word (in any case) is a function word. */
export const isFunctionWord = memo(functionWord);

function functionWord(word: string): boolean {
  if (FUNCTION_WORDS.has(word) || DETERMINER_ADJECTIVES.has(word)) return true;
  const lower = word.toLowerCase();
  return lower !== word && (FUNCTION_WORDS.has(lower) || DETERMINER_ADJECTIVES.has(lower));
}

/** Whether a word (in any case) is an adjective that works like a determiner (`letzte`, `neuen`). */
export const isDeterminerAdjective = (word: string): boolean => DETERMINER_ADJECTIVES.has(word.toLowerCase());

let nouns: Set<string> | undefined;

/**
 * Remembers a word test's answers: German prose repeats its words, and the name reader asks about
 * each capitalised word several times.
 * Note: a bound keeps an archive of unusual words from growing the cache without end.
 */
function memo(test: (word: string) => boolean): (word: string) => boolean {
  const known = new Map<string, boolean>();
  return (word) => {
    let answer = known.get(word);
    if (answer === undefined) {
      answer = test(word);
      if (known.size >= 20_000) known.clear();
      known.set(word, answer);
    }
    return answer;
  };
}

/** The common nouns, lowercased (see nouns.ts); read on first use. */
function nounSet(): Set<string> {
  nouns ??= new Set(germanNouns());
  return nouns;
}

/** A word the list has only with a genitive `-s` added (`Reuters` from `Reuter`): without an article, a name is likelier. */
export function isGenitiveOnly(word: string): boolean {
  const lower = word.toLowerCase();
  const set = nounSet();
  return /s$/.test(lower) && !set.has(lower) && !set.has(`${lower}*`) && set.has(lower.slice(0, -1));
}

/** A form of a listed noun: as listed, or with a case ending (`Hauses`, `Häusern`, `Autors`, `Menschen`). */
function listedForm(lower: string): boolean {
  const set = nounSet();
  const has = (form: string) => set.has(form) || set.has(`${form}*`);
  return (
    has(lower) ||
    (/(?:s|n)$/.test(lower) && has(lower.slice(0, -1))) ||
    (/(?:es|en)$/.test(lower) && set.has(lower.slice(0, -2))) ||
    // Declined like an adjective (marked `*` in the list): `Deutscher`, `Experten`.
    (/e[rm]$/.test(lower) && set.has(`${lower.slice(0, -1)}*`))
  );
}

/** An adjective the list has declined as a noun (`Deutsche`, `Grünen`): before a noun, an attribute. */
export const isDeclinedAdjective = (word: string): boolean => {
  const base = /^(.+e)(?:n|r|s|m)?$/.exec(word.toLowerCase())?.[1];
  return Boolean(base && nounSet().has(`${base}*`));
};

/** Endings only German common nouns have (`-ung`, `-heit`, `-schaft` …). */
const NOUN_SUFFIX = /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ismus|ismen|nis|nisse|nissen|tät|täten|nahme|nahmen|gabe|gaben|tum|tümer)$/;

/** A noun with an ending only abstract nouns have (`Regierungserklärung`, `Freiheit`): never an outlet's name. */
export const isAbstractNoun = (word: string): boolean => word.length >= 6 && NOUN_SUFFIX.test(word.toLowerCase());

/**
 * Whether a capitalised word is a German common noun: listed, a compound ending in a listed noun
 * (`Capitalistbude`, `KI-Forscher`, `Rechenzentren`), or with a noun-only ending.
 * Note: surnames can be nouns too (`Forst`, `Westenberg`); the name reader keeps a noun that
 * follows a name word, so this answers only "could this word be a common noun?".
 */
export const isCommonNoun = memo((word) => isListedNoun(word) || isCompoundNoun(word));

/** A noun the list has (in any of its forms), or one with a noun-only ending or of fifteen letters and more. */
export const isListedNoun = memo(listedNoun);

function listedNoun(word: string): boolean {
  // A gendered form (`Nutzer*innen`, `Journalist:innen`, `LehrerInnen`) is a noun's: no name has one.
  if (/\p{Ll}(?:[*:_/]in|[*:_/]innen|Innen)$/u.test(word)) return true;
  const lower = word.toLowerCase();
  const dash = lower.lastIndexOf('-');
  if (dash > 0 && dash < lower.length - 1) return listedNoun(lower.slice(dash + 1));
  if (listedForm(lower)) return true;
  // The female form of a listed noun of a person (`Ökonomin`, `Nutzerinnen`): the list has the male one.
  const female = /^(.{3,}(?:er|or|ist|ent|ant|log|om|eur|at|it|ekt|ot))in(?:nen)?$/.exec(lower);
  if (female && listedForm(female[1]!)) return true;
  if (lower.length >= 6 && NOUN_SUFFIX.test(lower)) return true;
  // A word of fifteen letters or more is a compound noun (`Ingefangennahme`), not a name.
  return lower.length >= 15 && /^\p{Lu}\p{Ll}+$/u.test(word);
}

/**
 * A word that ends in a listed noun (`Capitalistbude`, `KI-Forscher`, `Rechenzentren`). Names can
 * look so too (`Westenberg`, `Platformer`): the reader takes it for a noun only before a name.
 */
export const isCompoundNoun = memo(compoundNoun);

function compoundNoun(word: string): boolean {
  const lower = word.toLowerCase();
  const dash = lower.lastIndexOf('-');
  if (dash > 0 && dash < lower.length - 1) return isCommonNoun(lower.slice(dash + 1));
  for (let i = 3; i <= lower.length - 4; i++) if (listedForm(lower.slice(i))) return true;
  return false;
}

/**
 * Roles and honorifics that stand before a name (`Die Ökonomin Cecilia Rikap`, `Der Google
 * KI-Forscher Francois Chollet`, `Prof. Dr. …`): the word, or the last part of a compound, is one
 * of these, with the endings of gender and case.
 */
const ROLE_STEMS =
  'philosoph|ökonom|forscher|wissenschaftler|journalist|autor|historiker|soziolog|politolog|schriftsteller|publizist|' +
  'kolumnist|reporter|redakteur|chefredakteur|herausgeber|professor|dozent|kollege|kolleg|investor|blogger|podcaster|' +
  'youtuber|influencer|aktivist|analyst|experte|expert|chef|ceo|cto|gründer|mitgründer|unternehmer|entrepreneur|' +
  'politiker|minister|kanzler|präsident|bürgermeister|abgeordnete|senator|richter|anwalt|anwält|jurist|künstler|musiker|' +
  'regisseur|moderator|theoretiker|denker|kritiker|ethiker|informatiker|ingenieur|entwickler|programmierer|designer|' +
  'manager|berater|sprecher|kommentator|essayist|anthropolog|psycholog|linguist|mathematiker|physiker|biolog|ökonomie-professor|' +
  'theologe|theolog|kurator|verleger|satiriker|komiker|autorinnen|tochter|sohn|ehefrau|ehemann|pseudointellektuell|arzt|ärzt|pfleger|lehrer|vorstand|vorsitzend';
const ROLE = new RegExp(`^(?:${ROLE_STEMS})(?:in|innen|en|n|e|s)?$`);
const HONORIFIC = /^(?:Dr|Prof|Mr|Mrs|Ms|Herr|Frau|Sir|Dame|Lord|Lady)\.?$/;

/** Whether a capitalised word is a role or honorific before a name. */
export const isRole = memo(role);

function role(word: string): boolean {
  if (HONORIFIC.test(word)) return true;
  const lower = word.toLowerCase();
  const last = lower.slice(lower.lastIndexOf('-') + 1);
  if (ROLE.test(last)) return true;
  // A compound role: `Medientheoretiker`, `Politikwissenschaftlerin`.
  for (let i = 3; i <= last.length - 5; i++) if (ROLE.test(last.slice(i))) return true;
  return false;
}

/**
 * Nouns for a piece a source publishes or says, and for the media it appears in. A name joined
 * to one (`der Newsletter SnakeOil-AI`, `ein Paper von Apple`, `Anne Helms Podcast`,
 * `Vanity-Fair-Stück`) is a source presented, not a name in passing.
 */
const PIECE_STEMS =
  'artikel|text|essay|stück|beitrag|kolumne|kommentar|analyse|recherche|reportage|porträt|portrait|interview|gespräch|' +
  'podcast|podcastfolge|folge|episode|video|videoessay|film|doku|dokumentation|vortrag|talk|rede|keynote|paper|studie|' +
  'bericht|report|buch|thread|post|posting|blogpost|blogbeitrag|tweet|newsletter|ausgabe|take|longread|rezension|aufsatz|' +
  'streitschrift|serie|reihe|mitschnitt|aufzeichnung|zitat|interpretation|einordnung|zusammenfassung|hintergrund|' +
  'hintergründe|hintergründen|website|webseite|blog|kanal|channel|show|sendung|magazin|zeitung|zeitschrift|salon|' +
  'präsentation|umfrage|feature|kritik|replik|antwort|erwiderung|entgegnung|abhandlung|manifest|memo|brief|details|einzelheiten|nachruf|würdigung|auswertung|erhebung|gutachten|überblick';
const PIECE = new RegExp(`^(?:${PIECE_STEMS})(?:s|es|e|en|n)?$`);

const PIECE_HEAD = new RegExp(`(?:${PIECE_STEMS})(?:s|es|e|en|n)?$`);

/** Whether a word names a piece or a medium (`Essay`, `Podcasts`, `Newsletter`), also as a compound (`Gastbeitrag`, `Zeitungsartikel`). */
export const isPiece = memo(piece);

function piece(word: string): boolean {
  const lower = word.toLowerCase();
  if (PIECE.test(lower)) return true;
  const dash = lower.lastIndexOf('-');
  if (dash > 0) return PIECE.test(lower.slice(dash + 1));
  const head = PIECE_HEAD.exec(lower);
  // A compound: a word of at least three letters before a piece of at least four (`Gast|beitrag`).
  return Boolean(head && head.index >= 3 && lower.length - head.index >= 4 && isCommonNoun(word.slice(head.index)));
}

/**
 * Media kinds that, as a word of a name, make it an outlet: `New York Times`, `Platformer
 * Newsletter`, `Otherwise Salon`, `Frankfurter Allgemeine Zeitung`; and the platforms a source
 * posts on, which are channels (`auf Bluesky`).
 */
const OUTLET_WORDS = new Set(
  (
    'times post news journal review magazine magazin guardian herald tribune gazette telegraph observer economist monthly ' +
    'weekly daily chronicle independent mirror standard press presse media medien wire quarterly insider spectator report ' +
    'zeitung zeitschrift rundschau anzeiger kurier nachrichten rundfunk radio fernsehen tv sender verlag podcast newsletter ' +
    'blog show salon channel kanal network online ' +
    'bluesky mastodon threads twitter youtube tiktok instagram facebook substack medium reddit linkedin twitch spotify tumblr telegram'
  ).split(' '),
);
/** Of those, the kinds that describe rather than name (`Platformer Newsletter` is `Platformer`). */
const GENERIC_OUTLET_WORDS = new Set('podcast newsletter blog channel kanal'.split(' '));
/** Platforms: a channel, never a person. */
const PLATFORMS = new Set('bluesky mastodon threads twitter x youtube tiktok instagram facebook substack medium reddit linkedin twitch spotify tumblr telegram'.split(' '));

/** Kinds of media that alone are no name (`die Medien`, `das Radio`, `der Newsletter`). */
const KIND_ONLY = new Set(
  'zeitung zeitschrift magazin magazine presse press medien media rundfunk radio fernsehen tv sender verlag podcast newsletter blog show salon kanal channel nachrichten news network'.split(' '),
);
/** A medium's kind, also as the last part of a hyphenated name (`Stadt-Anzeiger`). */
export const isOutletWord = (word: string): boolean => OUTLET_WORDS.has(word.toLowerCase()) || (word.includes('-') && OUTLET_WORDS.has(word.slice(word.lastIndexOf('-') + 1).toLowerCase()));
export const isKindOnly = (word: string): boolean => KIND_ONLY.has(word.toLowerCase());
export const isGenericOutletWord = (word: string): boolean => GENERIC_OUTLET_WORDS.has(word.toLowerCase());
export const isPlatform = (word: string): boolean => PLATFORMS.has(word.toLowerCase());

/** The end of a compound naming an organisation (`Wohlfahrtsverband`, `Bundesamt`, `Umweltbundesamt`). */
export const ORGANISATION_HEAD = /(?:verband|verbands|bundesamt|bundesamts|institut|instituts|stiftung|gewerkschaft)$/i;
/** Endings of organisations (`Goldman Sachs Group`, `Mithril Capital`, `Acme GmbH`): an outlet, not a person. */
export const ORGANISATION_WORD =
  /^(?:Inc|Corp|AG|GmbH|Ltd|LLC|SE|Capital|Ventures|Partners|Group|Labs?|Institute?|Foundation|Stiftung|Universität|University|College|Research|Bank|Agency|Agentur|Association|Verband|Verein|Partei|Party)\.?$/;

/**
 * Verbs of saying, writing, publishing and presenting (stems, also as past participle): a name as
 * their subject or agent is the one who speaks. `hat`, `ist` or `bekommt` say nothing of the kind.
 */
const REPORTING_STEMS =
  'schreib|schrieb|sag|meint|argumentier|analysier|erklär|beschreib|berichte|kritisier|frag|forder|warn|zeig|erzähl|sprich|sprach|besprich|besprach|bespro|diskutier|rezensier|kommentier|zitier|plädier|widersprich|widersprach|widerspro|verweis|veröffentlich|verfass|bring|brach|liefer|nenn|nann|sieh|sieht|sah|beklag|untersuch|rechne|antworte|entgegne|beton|behaupt|erinner|fass|beobacht|skizzier|porträtier|portraitier|interview|recherchier|dokumentier|postet|tweet|twitter|resümier|schilder|stellt|legt|nimmt|nahm|versuch|denk|glaub|hält|find|fand|bemerk|notier|formulier|konstatier|folger|zusammengetragen|aufgesetzt|gegeben|geteilt|teilt|hinterfrag|dekonstruier|seziert|zerleg|auseinander|ausgewertet|aufgedeckt|enthüll|rekonstruier|sproch|verriss|verreiß|lobt|sprech|ordne';
const REPORTING = new RegExp(`^(?:ge)?(?:${REPORTING_STEMS})`);

/**
 * Whether a stretch of text may name a source at all: it has a verb of saying or publishing, a
 * piece or medium, `laut`, a passive `von`, a guest, or a sentence without a verb (`Raul Zelik in
 * Analyse und Kritik mit …`). The name reader is skipped for the rest: a cheap test, since the
 * classifier asks about every paragraph.
 */
const MAY_NAME = new RegExp(`(?:^|[^\\p{L}])(?:(?:ge)?(?:${REPORTING_STEMS})|${PIECE_STEMS}|laut|via|von|vom|gast|gesprochen)|(?:^|[.!?:]\\s)(?:bei|beim|auf)\\s`, 'u');
const FINITE = /(?:t|te|ten|en|ahm|ah|ab|am|and|ief|ieß|alf|ing|ieb|at|og|ot|as|ies)$/;

/** A name in a place after a verb: `Adam Tooze war bei Jung und Naiv`, `beklagt im Atlantic`. */
const PLACE = /\s(?:bei|beim|im|in|auf|für)\s+(?:der\s+|dem\s+|den\s+)?\p{Lu}/u;

export function mayNameSource(text: string): boolean {
  const lower = text.toLowerCase();
  if (MAY_NAME.test(lower) || PLACE.test(text)) return true;
  // A sentence without a verb.
  return lower.split(/[.!?:]\s+/).some((sentence) => sentence.split(/\s+/).every((word) => !FINITE.test(word) || FUNCTION_WORDS.has(word) || DETERMINER_ADJECTIVES.has(word)));
}

/** Whether a lowercase word is a verb of saying, writing or publishing. */
export const isReportingVerb = memo(reportingVerb);

function reportingVerb(word: string): boolean {
  const lower = word.toLowerCase();
  // Not a participle used as an adjective (`die beschreibenden Semantiken`).
  if (/(?:ende|ende[nmrs]|ene[nmrs])$/.test(lower)) return false;
  // Also after a separable prefix: `zusammengefasst`, `vorgerechnet` (not `vorgestellt`: news).
  return REPORTING.test(lower) || REPORTING.test(lower.replace(/^(?:zusammen|auseinander|dar|auf|heraus)(?=ge\p{Ll}{4}|\p{Ll}{5})/u, '').replace(/^(?:vor|aus|nach)(?=(?:ge)?rechn)/, ''));
}

/** Verbs of plain speech, as the news reports a politician or a firm (`sagte`, `fordert`, `warnt`): no piece presented. */
const SPEECH = /^(?:ge)?(?:sag|sprach|sprich|sproch|forder|warn|beton|kündig|behaupt|versprach|versprich|droh|verkünd)|^(?:angekündigt|angedroht|verkündet)$/;

export const isSpeechVerb = (word: string): boolean => SPEECH.test(word.toLowerCase());

/** Words the author uses to recommend a piece (`lesenswert`, `sehenswert`, `furios`). */
export const RECOMMENDS = /\b(?:lesenswert|lesenwert|sehenswert|hörenswert|empfehlenswert|furios|großartig|brillant|lesens- und|fantastisch|hervorragend|klug|kluge[nmrs]?)/;

/** Roles of people in power, whom the news is about (`Finanzminister`, `Ministerpräsidentin`, `Tesla-Chef`). */
const POWER_ROLE = /(?:präsident|kanzler|minister|bürgermeister|senator|abgeordnete|politiker|chef|ceo|gründer|vorsitzend|vorstand)(?:in|innen|en|n|e|s)?$/;

export const isPowerRole = (word: string): boolean => POWER_ROLE.test(word.toLowerCase());
