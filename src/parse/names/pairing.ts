// Pairing: a person and the outlet named with them in one sentence (`M. Gessen analysiert in der
// New York Times`) belong together; the person then presents a piece.

import { type Mention } from './types.js';

/**
 * Joins a person and the outlet named with them in one sentence (`M. Gessen analysiert in der New
 * York Times`, `Auf Strage Matters hat John Michael Colón …`). A person joined to an outlet they
 * publish in presents a piece.
 */
export function pairUp(mentions: Mention[]): void {
  for (const outlet of mentions) {
    if (outlet.kind !== 'outlet' || !outlet.presents || outlet.partner) continue;
    // Only a venue: where someone speaks (`in der Zeit`, `im Podcast: …`, `The Atlantics‘`), not an outlet that speaks itself.
    if (/^(?:subject|after "laut"|agent)|without a verb|von …"|a piece of theirs/.test(outlet.why) && !outlet.theirs) continue;
    // The nearest person before it in the sentence, else after it; a title right after `Anne Helms Podcast:` too.
    const title = outlet.why.startsWith('title after');
    // `Matt Probe ist skeptisch. In seinem Newsletter BIG schreibt er:`: the person of the sentence before.
    const theirs = outlet.theirs && outlet.sentence > 0;
    const candidates = mentions.filter((m) => m.kind === 'person' && !m.partner && (m.sentence === outlet.sentence || (title && m.sentence === outlet.sentence - 1 && m.presents) || (theirs && m.sentence === outlet.sentence - 1)));
    const nearest = candidates.filter((m) => m.at < outlet.at).pop() ?? candidates.find((m) => m.at > outlet.at);
    if (!nearest) continue;
    // People joined by `und` speak together: the outlet goes with the first of them.
    const person = candidates.find((m) => m.group === nearest.group) ?? nearest;
    person.partner = outlet;
    outlet.partner = person;
    person.presents = true;
    if (outlet.strong) person.strong = true;
  }
}
