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

/** The language of a paragraph whose function words were counted (see evidence.ts): the one with more of them. */
export function languageOf(counts: { de: number; en: number; umlaut: boolean }, fallback: Language): Language {
  const de = counts.de + (counts.umlaut ? 1 : 0);
  return counts.en > de ? 'en' : de > counts.en ? 'de' : fallback;
}
