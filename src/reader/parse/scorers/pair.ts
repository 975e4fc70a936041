// The pair scorer: evidence about a paragraph and the one before it, weighed for each combination
// of their kinds (see ../sequence.ts): whether the two are likely one voice.

import type { Evidence } from '../evidence/index.js';
import { english, neutralGerman } from './context.js';

/**
 * Evidence about a paragraph and the one before it, weighed for each combination of their kinds
 * (commentary or quote): whether the two are likely one voice.
 */
export const PAIR_FEATURES: readonly (readonly [name: string, value: (e: Evidence, p: Evidence) => boolean])[] = [
  ['both German, neither in the author’s voice', (e, p) => neutralGerman(e) && neutralGerman(p)],
  ['both English', (e, p) => english(e) && english(p)],
  ['the language changes', (e, p) => english(e) !== english(p)],
  ['a short paragraph after a long one', (e, p) => e.chars < 120 && p.chars > 250],
];
