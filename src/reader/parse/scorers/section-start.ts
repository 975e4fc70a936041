// The section scorer: evidence that a paragraph opens a new topical section — a new source or
// name, a turn to the next item, a shift of vocabulary — or that it goes on with the one before.

import { endsColon, english, quoteLike, type Feature } from './context.js';

/** Evidence that a paragraph opens a new topical section. */
export const START_FEATURES: readonly Feature[] = [
  ['bias', () => 1],
  ['opens with a name', ({ e }) => e.opensWithName],
  ['opens with a new name', ({ newName }) => newName],
  ['introduces a new source', ({ source }) => source === 'new'],
  ['names a source already discussed', ({ source }) => source === 'known'],
  ['mentions the source of the lead-in', ({ mentionsLeadInSource }) => mentionsLeadInSource],
  ['names someone', ({ e }) => e.nameRuns > 0],
  ['names known from before', ({ namesKnown }) => namesKnown],
  ['vocabulary shared with before', ({ cohesion }) => cohesion],
  ['vocabulary shift (TextTiling depth)', ({ depth }) => depth],
  ['names a piece', ({ e }) => e.media > 0],
  ['recommends', ({ e }) => e.recommends],
  ['reporting verb', ({ e }) => e.reporting > 0],
  ['ends with ":"', ({ e }) => endsColon(e)],
  ['refers back', ({ e }) => e.refersBack],
  ['points back', ({ e }) => e.pointsBack],
  ['follows on', ({ e }) => e.followsOn],
  ['a related item', ({ e }) => e.relatedItem],
  ['points at a link', ({ e }) => e.pointsAtLink],
  ['turns to another item', ({ e }) => e.turnsToNext],
  ['says when (gerade, neulich)', ({ e }) => e.saysWhen],
  ['opens with someone doing something', ({ e }) => e.opensWithActor],
  ['short first sentence', ({ e }) => e.firstSentenceWords <= 4 && e.sentences > 1],
  ['opens in the first person', ({ e }) => e.firstSingularEarly],
  ['first person plural', ({ e }) => e.firstPlural > 0],
  ['a question', ({ e }) => e.lastChar === '?'],
  ['answers a ":" lead-in', ({ p }) => endsColon(p)],
  ['before a quote-like paragraph', ({ n }) => quoteLike(n)],
  ['starts in lower case', ({ e }) => e.startsLower],
  ['long', ({ e }) => e.chars > 400],
  ['figures', ({ e }) => e.digits >= 2],
  ['English', ({ e }) => english(e)],
  ['wrapped in quotation marks', ({ e }) => e.wrapped],
];
