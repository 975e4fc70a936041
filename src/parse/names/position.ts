// What the position of a name in its sentence says: the first construction that reads it
// (constructions.ts, verbs.ts) tells who speaks or publishes (`schreibt X`, `laut X`, `in der
// Zeit`) and who is named in passing. The construction is a feature of the source model.

import { afterVon, interviewWith, lautVia, namedWithMedium, outletAfterPreposition, ownerOfNoun, passing, pieceGenitive, pieceVon, possessive, relativeAboutPiece, type Construction } from './constructions.js';
import { placeOf, type Evidence } from './place.js';
import { afterVerb, complement, subject, verbless, wieWas } from './verbs.js';
import { type NameWords, type Run, type Shape, type Token } from './types.js';

export type { Evidence } from './place.js';

/** The constructions in the order they are tried: the first that reads a name decides its evidence. */
const CONSTRUCTIONS: Construction[] = [possessive, ownerOfNoun, lautVia, outletAfterPreposition, pieceVon, namedWithMedium, pieceGenitive, interviewWith, afterVon, relativeAboutPiece, wieWas, afterVerb, verbless, subject, complement];

/** What the position of a name says: who speaks or publishes, where, or that it is named in passing. */
export function positionOf(tokens: Token[], run: Run, n: NameWords, shape: Shape, names: Map<number, Shape>, part: Run): Evidence {
  const place = placeOf(tokens, run, n, shape, names, part);
  for (const construction of CONSTRUCTIONS) {
    const evidence = construction(place);
    if (evidence) return evidence;
  }
  return passing('none', 'in no construction');
}
