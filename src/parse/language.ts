// German or English? The newsletter's commentary is German; many quotes are English.
// Note: the method is the function-word ("short words") classifier of Grefenstette (1995):
// the most frequent words of a language are short closed-class words, and their share in a
// paragraph tells the language reliably even for one sentence, where letter-trigram models
// such as franc are unreliable. It is exact for our two languages, fast, and explainable.

import type { Language } from '../model.js';

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

const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH, ...GERMAN].map((word) => word.length));

export interface LanguageGuess {
  lang: Language;
  /** 0 when the paragraph gives no evidence either way, up to 1 when every hint agrees. */
  confidence: number;
}

/** Guesses whether a text is German or English from its function words. */
export function detectLanguage(text: string, fallback: Language = 'de'): LanguageGuess {
  let de = 0;
  let en = 0;
  // Note: the first 1200 characters are evidence enough; long quotes need not be read to the end.
  for (const word of text.slice(0, 1200).toLowerCase().match(/[a-zäöüß]+/g) ?? []) {
    if (word.length > LONGEST_FUNCTION_WORD) continue; // most words: no need to look them up
    if (GERMAN.has(word)) de++;
    else if (ENGLISH.has(word)) en++;
  }
  // Umlauts and ß are strong evidence for German; a quoted German name in English text is rare.
  if (/[äöüß]/i.test(text)) de += 1;
  const total = de + en;
  if (total === 0) return { lang: fallback, confidence: 0 };
  const lang: Language = en > de ? 'en' : de > en ? 'de' : fallback;
  // Few hits are weak evidence: confidence grows with the margin and with the number of hits.
  const confidence = (Math.abs(en - de) / total) * Math.min(1, total / 6);
  return { lang, confidence };
}
