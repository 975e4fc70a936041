// Function words: the words that carry the grammar of a sentence, not its topic. One list per
// language, each word written once: the commonest first (Grefenstette's short words, which tell
// the language even of one sentence), then the rest by word class. The evidence counts the
// commonest; the name reader takes a capitalised function word for no name; the terms leave them
// out, with the commonest words of English.

const words = (list: string): string[] => list.split(' ');

/** The commonest German words without a topic, by frequency: they tell a paragraph's language. */
const GERMAN_COMMONEST_WORDS = words(
  'der das und zu den nicht von sie ist des sich mit dem dass er es ein ich auf eine auch als nach wie im für man ' +
    'aber aus durch wenn nur war noch werden bei hat wir wird sein einen welche sind oder zur um haben einer mir über ' +
    'ihm diese einem ihr uns da zum kann doch vor dieser mich ihn du hatte seine mehr am denn nun unter sehr selbst ' +
    'schon hier bis habe ihre dann ihnen seiner alle wieder meine gegen vom ganz wo muss ohne eines können sei ' +
    'jetzt also eben ja immer eigentlich gar etwas dabei sondern weil damit dazu heute wurde wurden keine kein',
);

/** The other German function words: articles, pronouns, prepositions, conjunctions, particles, auxiliaries, sentence adverbs. */
const GERMAN_OTHER_WORDS = words(
  'die keiner keines keinem keinen ' +
    'dich euch dir ' +
    'mein meiner meines meinem meinen dein deine deiner deines deinem deinen seines seinem seinen ' +
    'ihrer ihres ihrem ihren unser unsere unserer unseres unserem unseren euer eure eurer eures eurem euren ' +
    'dieses diesem diesen jener jene jenes jenem jenen jeder jede jedes jedem jeden aller allen alles ' +
    'welcher welches welchem welchen wer was wem wen wessen jemand niemand nichts beide beiden ' +
    'manche mancher manchen viele vielen einige einigen wenige wenigen andere anderen anderer anderes irgendein irgendeine ' +
    'in ins ans aufs beim seit ' +
    'hinter neben zwischen wegen trotz während laut via gemäß statt anstatt innerhalb außerhalb dank entlang gegenüber ab samt ' +
    'daß ob nachdem bevor obwohl sobald falls sofern ' +
    'seitdem sowie sowohl weder entweder ' +
    'dafür dagegen daran darauf daraus darin darüber davon davor dazwischen danach dadurch dahin dorthin hierfür soweit ' +
    'bereits so nein nie oft mal dort gestern morgen neulich ' +
    'zuletzt inzwischen daher darum deshalb deswegen trotzdem dennoch jedoch allerdings zumindest insbesondere ' +
    'andererseits einerseits erstens zweitens drittens viertens etwa gerade fast kaum wohl vielleicht natürlich ' +
    'leider offenbar bekanntlich besonders zunächst schließlich endlich sogar weiter außerdem jedenfalls ' +
    'immerhin ebenfalls gleichzeitig konkret zusammen anders ähnlich diesmal wirklich tatsächlich insofern womit ' +
    'wobei wodurch worauf woran wann warum weshalb wieso hierzu hierbei stattdessen zudem übrigens nebenbei unterdessen ' +
    'mittlerweile nochmal nochmals sodass sowieso anscheinend scheinbar angeblich quasi kurzum kurz genau ' +
    'bin bist seid waren wäre wären seien hatten hätte hätten ' +
    'würde würden konnte konnten könnte will wollen wollte müssen musste soll sollen sollte darf ' +
    'dürfen gibt gab geht ging ok okay ach tja naja klar',
);

/** English articles, prepositions, conjunctions, pronouns and auxiliaries: the grammar around a name (`the Atlantic`, `Mother of Learning`). */
const ENGLISH_GRAMMAR_WORDS = words('the a an of and or to on at for with by from is are were be this that these those it its his her their our my');

/** The commonest English words without a topic, leaving out words German shares (in, so, was, die…): they tell a paragraph's language. */
export const ENGLISH_COMMONEST = new Set([
  ...ENGLISH_GRAMMAR_WORDS,
  ...words(
    'as not but have they we has which will can been than what when who would there into also only such one all if about ' +
      'how do he she you them more most other some any where while because should could then just over after before being ' +
      'through very does did had me i your us no up out new like',
  ),
]);

export const GERMAN_COMMONEST = new Set(GERMAN_COMMONEST_WORDS);

/**
 * Every function word the name reader knows, German and English.
 * Note: `mehr`, common as it is, can open a name (`Mehr Demokratie`).
 */
export const FUNCTION_WORDS = new Set([...GERMAN_COMMONEST_WORDS.filter((word) => word !== 'mehr'), ...GERMAN_OTHER_WORDS, ...ENGLISH_GRAMMAR_WORDS]);

/** Adjectives that work like determiners and open sentences (`Letzte Woche`, `Neue Studien`): never part of a name. */
export const DETERMINER_ADJECTIVES = new Set(
  words(
    'letzte letzten letzter letztes nächste nächsten vergangene vergangenen kommende kommenden erste ersten zweite zweiten ' +
      'dritte dritten neue neuen alte alten weitere weiteren gleiche gleichen ganze ganzen mehrere sämtliche solche solchen ' +
      'gewisse bestimmte verschiedene zahlreiche eigene eigenen',
  ),
);

/**
 * The commonest English words, function words and the commonest verbs, nouns and adjectives: quotes
 * are often English, and these say nothing about a topic (the terms' English background).
 */
export const ENGLISH_COMMON = new Set([
  ...ENGLISH_COMMONEST,
  ...words(
    'in so was said says say get got make made many much even still well now way ways time times year years people thing ' +
      'things first two three last next between each both same own back down off here why too may might must shall let see ' +
      'seen know known take taken come came going go goes gone want need use used using work works part since however though ' +
      'although yet every another around against across without within among under again ever never always often less least ' +
      'few lot lots really something anything nothing everything someone anyone everyone themselves itself himself herself ' +
      'think thought look looks looked give given gave find found tell told become became becomes seem seems seemed keep kept ' +
      'put puts long great good better best big small large high low old right left end point case fact',
  ),
]);

/** Openers of a sentence that are capitalised only by position: never the first word of a name. */
export const SENTENCE_OPENERS = new Set(
  words(
    'der die das den dem des ein eine einer eines einen im in auf bei laut und oder aber auch nachdem wenn dass doch hier ' +
      'ich wir sie er es man mit zu zur zum von vom über unter nach vor für gegen dabei damit dazu so wie was wer warum the a ' +
      'an this that it in on as but and if when we i he she they you dies diese dieser dieses diesen jetzt heute gestern ' +
      'zuletzt neulich anlässlich trotz konkret ganz nun da als',
  ),
);

/** Abbreviations whose dot ends no sentence (the evidence reads them as written, the name reader in lower case). */
export const EVIDENCE_ABBREVIATIONS = new Set(['Nr', 'No', 'bzw', 'bsw', 'etc', 'ca', 'Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'St', 'B', 'vgl', 'usw']);
export const ABBREVIATIONS = new Set(words('z.b bzw usw etc vgl u.a ca bsw bspw dr prof mr mrs ms st no nr inkl ggf evtl d.h s.o u.ä o.ä sog jh jhd'));
