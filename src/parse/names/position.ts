// What the position of a name in its sentence says: who speaks or publishes (`schreibt X`,
// `laut X`, `in der Zeit`), who is only talked about, or nothing.

import { isAbstractNoun, isCommonNoun, isFunctionWord, isGenericOutletWord, isOutletWord, isPiece, isReportingVerb, isRole, isSpeechVerb } from '../lexicon.js';
import { clauseOf, clauseStart, indefiniteBefore, predicateAfter, sentenceHasVerb, sentenceOf, subjectBefore } from './clauses.js';
import { adjectiveLike, ARTICLE, AUXILIARY, finiteVerb, hasFiniteVerb, OUTLET_PREPOSITION, POSSESSIVE_PRONOUN, possessedAdjective, verbLike } from './grammar.js';
import { appositionEnd, BETWEEN_VERB_AND_NAME, nameEnd, nameEndAt, PUBLISHES, TIME_WORD } from './neighbours.js';
import { nameLike } from './runs.js';
import { type NameKind, type NameWords, type Run, type Shape, type Token } from './types.js';

/** A value computed when first asked for. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

export interface Evidence {
  why: string;
  strong: boolean;
  presents: boolean;
  speaks?: boolean;
  /** The verb it speaks with, when there is one. */
  verb?: string;
  kind?: NameKind;
  kindSure?: boolean;
  /** A name of common words is accepted here (`in Analyse und Kritik`, `Die Zeit mit …`). */
  allowsPhrase?: boolean;
  /** The name without its possessive ending, when the run is a possessive before a piece. */
  possessive?: string;
}

/** What the position of a name says: who speaks or publishes, where, or nothing. */
export function positionOf(tokens: Token[], run: Run, n: NameWords, shape: Shape, names: Map<number, Shape>, part: Run): Evidence | undefined {
  const s = n.first;
  const last = tokens[part.end - 1]!;
  // A bracket after the name (`Paul Krugman (NYT) über …`) does not stand between it and its verb.
  let a = run.end;
  while (a < tokens.length && tokens[a]!.paren && !last.clauseEnd) a++;
  const afterParen = a > run.end && tokens[a - 1]!.post.includes(')') && !tokens[a - 1]!.sentenceEnd;
  // An apposition after the name (`Marietje Probe, ehemalige EU-Abgeordnete, argumentiert …`) does not either.
  const apposition = last.clauseEnd && !afterParen && last.post === ',' ? appositionEnd(tokens, run.end) : undefined;
  if (apposition !== undefined) a = apposition;
  // Nor where the person works (`Felix Probe von Axios rechnet vor`).
  const affiliationEnd = !last.clauseEnd && shape.kind === 'person' && /^(?:von|vom)$/.test(tokens[a]?.lower ?? '') && a === run.end ? nameEnd(tokens, a + 1) : undefined;
  if (affiliationEnd !== undefined) a = affiliationEnd;
  const after = last.clauseEnd && !afterParen && apposition === undefined ? undefined : tokens[a];
  // The word that governs the name: before the descriptor dropped from the run (`der bekannten Venture
  // Capitalistbude Sequoia`), and before articles, `sein`/`ihr` and adjectives (`auf seinem Substack`).
  let g = Math.min(s, part.start) - 1;
  for (let skipped = 0; g >= 0 && skipped < 6 && !tokens[g]!.clauseEnd && (ARTICLE.has(tokens[g]!.lower) || (POSSESSIVE_PRONOUN.test(tokens[g]!.lower) && part.start === s) || adjectiveLike(tokens[g]!)); skipped++) g--;
  const governor = g >= 0 && !tokens[g]!.clauseEnd ? tokens[g] : undefined;
  const before = s > 0 && !tokens[s - 1]!.clauseEnd ? tokens[s - 1] : undefined;
  // Note: computed when first asked; most names are decided before they are needed.
  const clause = once(() => clauseOf(tokens, s));
  const predicate = once(() => predicateAfter(tokens, apposition ?? affiliationEnd ?? run.end));
  const sentence = once(() => sentenceOf(tokens, s));
  const reporting = (words: Token[]) => words.find((t) => !t.cap && !t.quoted && isReportingVerb(t.word));
  const pieceIn = (words: Token[]) => words.find((t) => isPiece(t.word) && !t.quoted && t !== last);
  const singleNoun = shape.phrase && n.words.filter((t) => t.cap).length === 1;

  // A possessive before a piece: `Anne Helms neuen Podcast`, `Googles Paper`; before a name: `The Atlantics‘ Charlie Warzel`.
  if (/s$/.test(last.word) && last.word.length > 3 && !shape.phrase) {
    let k = part.end;
    while (k < tokens.length && k < part.end + 2 && possessedAdjective(tokens[k]!) && !tokens[k - 1]!.clauseEnd) k++;
    const next = tokens[k];
    if (next && isPiece(next.word) && !last.clauseEnd && !tokens[k - 1]!.clauseEnd) {
      return { why: `"${shape.name} ${next.word}": a piece of theirs`, strong: true, presents: true, possessive: shape.name.replace(/[‘’']$/, '').replace(/s$/, '') };
    }
    if (last.apostrophe && tokens[part.end]?.cap) {
      return { why: `possessive before a name ("${shape.name}")`, strong: true, presents: true, kind: 'outlet', possessive: shape.name.replace(/[‘’']$/, '').replace(/s$/, '') };
    }
  }

  // `Elon Musks Trans-Tochter`: a possessive of something else says nothing of a source.
  const owned = tokens[part.end];
  if (/s$/.test(last.word) && owned?.cap && !last.clauseEnd && (isCommonNoun(owned.word) || isRole(owned.word)) && !isPiece(owned.word)) return undefined;

  // `laut Heise`, `Laut der Zeit`, `via Fefe` (not `laut hartnäckigen Gerüchten`).
  if (governor?.lower === 'laut' || governor?.lower === 'via') {
    if (singleNoun && !n.article) return undefined;
    return { why: `after "${governor.lower}"`, strong: true, presents: governor.lower === 'via', speaks: true, kind: shape.kind === 'person' ? 'person' : 'outlet', kindSure: shape.kind !== 'person', allowsPhrase: true };
  }

  // An outlet after a preposition that follows the speaker, a reporting verb or a piece:
  // `Nathan Benaich In Fortune`, `analysiert in der New York Times`, `Essay in 54Books`, `Auf Strage Matters hat …`.
  // (`aus dem …` only after the writer or the piece: `ein Stück von Rebecca Probe aus dem London Review of Books`.)
  const fromOutlet = governor?.lower === 'aus' && g > 0 && !tokens[g - 1]!.clauseEnd && (names.get(g - 1)?.kind === 'person' || isPiece(tokens[g - 1]!.word));
  if (governor && (OUTLET_PREPOSITION.has(governor.lower) || fromOutlet)) {
    // `im Tech-Bro Podcast von Dwarkesh Patel`: the podcast is named by its host.
    if (isGenericOutletWord(n.words[n.words.length - 1]!.word) && tokens[run.end]?.lower === 'von') return undefined;
    // The word before the preposition, past an object pronoun (`ordnet das im Verfassungsblog ein`).
    const p = /^(?:das|es|dies|dazu|darüber)$/.test(tokens[g - 1]?.lower ?? '') && !tokens[g - 1]!.clauseEnd && tokens[g - 2] && !tokens[g - 2]!.cap ? tokens[g - 2] : tokens[g - 1];
    const speakerBefore = p && !p.clauseEnd && names.get(g - 1)?.kind === 'person';
    const outletBefore = p && !p.clauseEnd && names.get(g - 1)?.kind === 'outlet';
    const verbBefore = p && !p.clauseEnd && !p.cap && (isReportingVerb(p.word) || /^(?:war|ist|hat|hatte|haben|hatten|sind|waren|auch|schon|einst)$/.test(p.lower));
    const pieceBefore = p && !p.clauseEnd && isPiece(p.word) && !p.quoted;
    const opensSentence = governor.sentenceStart;
    // A person named earlier in the clause (`Rainer Forst hat in der Zeit …`).
    let subjectBefore = false;
    for (let k = g - 1; k >= 0 && tokens[k]!.clause === governor.clause; k--) if (names.get(k)?.kind === 'person') subjectBefore = true;
    const strongPlace = Boolean(speakerBefore || pieceBefore || (verbBefore && (isReportingVerb(p!.word) || subjectBefore || reporting(clause()) || pieceIn(clause()))));
    // `im Zuge ihrer …`, `in der Zeit des …`: a noun with a genitive after it is a phrase, not an outlet.
    if (n.words.length === 1 && !shape.sure && !last.clauseEnd && /^(?:des|der|eines|einer|ihrer|ihres|seiner|seines|dieser|dieses)$/.test(tokens[part.end]?.lower ?? '')) return undefined;
    // `Im Freitag analysiert Wolfgang Probe`: a sentence opening with where, then a verb of writing and the writer.
    const openingPlace = singleNoun && opensSentence && (n.article || governor.lower === 'im') && !TIME_WORD.test(n.words[0]!.lower) && tokens[part.end] && isReportingVerb(tokens[part.end]!.word) && names.get(nameEndAt(tokens, part.end + 1))?.kind === 'person';
    if (openingPlace) return { why: `after "${governor.word}" opening the sentence()`, strong: true, presents: true, speaks: true, kind: 'outlet', kindSure: true, allowsPhrase: true };
    // An abstract noun is never one (`sagte in der Regierungserklärung`).
    if (singleNoun && isAbstractNoun(n.words[0]!.word)) return undefined;
    // A single common noun is an outlet only right after the speaker (`Rainer Forst hat in der Zeit`).
    if (singleNoun && !(n.article || governor.lower === 'im')) return undefined;
    // (Or right after a piece: `In einem Gastbeitrag für den Freitag`.)
    if (singleNoun && !(subjectBefore && (verbBefore || speakerBefore || pieceBefore) && (reporting(clause()) || pieceIn(clause()))) && !(pieceBefore && n.article)) return undefined;
    if (outletBefore) return undefined;
    // A sentence without a verb that names a piece or points on (`Sehr gute Zusammenfassung der Lage bei
    // Heise:`, `Mehr dazu bei Netzpolitik.org.`).
    const pointsOn = /^(?:mehr|alles|details|hintergründe)$/.test(sentence()[0]?.lower ?? '');
    const pieceWithoutVerb = !singleNoun && !shape.phrase && (Boolean(pieceIn(clause())) || pointsOn) && !sentenceHasVerb(tokens, s);
    if (strongPlace || pieceWithoutVerb || (opensSentence && !singleNoun && (governor.lower !== 'in' && governor.lower !== 'im' ? hasFiniteVerb(clause()) : Boolean(reporting(clause()) || pieceIn(clause()))))) {
      // (After a person's name it is where they speak: `Erik Probe bei Zeit Online`.)
      const personHere = shape.kind === 'person' && /^(?:bei|beim|auf)$/.test(governor.lower) && !n.article && !opensSentence && !speakerBefore;
      // `Bei der Venture-Capital-Firma Sequoia bekommt man Zweifel …`: the sentence opens with where it is said.
      const strong = strongPlace || pieceWithoutVerb || Boolean(reporting(clause()) || pieceIn(clause())) || (opensSentence && /^(?:bei|beim|auf)$/.test(governor.lower) && !singleNoun && !shape.phrase);
      const where = speakerBefore ? ' following the name' : pieceBefore || verbBefore ? ` following "${p!.word}"` : ' opening the sentence()';
      return { why: `after "${governor.word}"${where}`, strong, presents: true, speaks: opensSentence, kind: personHere ? 'person' : 'outlet', kindSure: !personHere, allowsPhrase: !singleNoun || n.article || governor.lower === 'im' };
    }
    return undefined;
  }

  // After a piece or medium: `der Newsletter SnakeOil-AI`, `Podcast von Dwarkesh Patel`, `Paper von Apple`,
  // `eine Website aufgesetzt, FollowtheCrypto,`.
  const pieceAt = (k: number) => (k >= 0 && k < tokens.length && isPiece(tokens[k]!.word) && !tokens[k]!.quoted ? tokens[k] : undefined);
  // (A title of several words too: `die neue Folge von Jung und Naiv`.)
  if (before && (before.lower === 'von' || before.lower === 'vom') && pieceAt(s - 2) && !tokens[s - 2]!.clauseEnd && (!shape.phrase || shape.reason === 'a title of several words')) {
    return { why: `"${tokens[s - 2]!.word} von …"`, strong: true, presents: true, speaks: true, kind: shape.kind === 'person' ? 'person' : 'outlet', allowsPhrase: true };
  }
  const descriptor = n.descriptor ? tokens.slice(part.start, s).reverse().find((t) => isPiece(t.word)) : undefined;
  const namedWith = descriptor ?? (before && pieceAt(s - 1) ? before : undefined);
  // A title right after its medium may be common words (`die Sendung Monitor`, `der Podcast Lage der
  // Nation`, `Newsletter Digitale Notizen`).
  const titleAfterMedium = namedWith === before && (singleNoun || n.words.length <= 3);
  if (namedWith && !n.role && (!shape.phrase || titleAfterMedium)) {
    return { why: `named with "${namedWith.word}"`, strong: true, presents: true, kind: 'outlet', kindSure: true, allowsPhrase: titleAfterMedium };
  }
  if (s >= 3 && tokens[s - 1]!.clauseEnd && (pieceAt(s - 2) || pieceAt(s - 3)) && (last.clauseEnd || run.end >= tokens.length) && !shape.phrase) {
    return { why: `named after "${(pieceAt(s - 2) ?? pieceAt(s - 3))!.word}"`, strong: true, presents: true, kind: 'outlet', kindSure: true };
  }

  // `eine Studie der Universität Oxford`, `ein Essay des Historikers …`: a piece of theirs.
  if (governor && isPiece(governor.word) && !governor.quoted && /^(?:der|des)$/.test(tokens[g + 1]?.lower ?? '') && !shape.phrase) {
    // After `des`, the name without its genitive ending (`des Fraunhofer-Instituts`).
    const genitive = tokens[g + 1]!.lower === 'des' && /\p{Ll}[^sueio]s$/u.test(shape.name) ? shape.name.slice(0, -1) : undefined;
    return { why: `"${governor.word} ${tokens[g + 1]!.word} …"`, strong: true, presents: true, speaks: true, ...(genitive ? { possessive: genitive } : {}) };
  }
  // `Interview mit … Jordan Peterson`: interviewed; `im Interview mit der Zeit`: the outlet that asks.
  if (governor?.lower === 'mit' && pieceAt(g - 1)) {
    if (singleNoun && n.article) return { why: `"${tokens[g - 1]!.word} mit …"`, strong: true, presents: true, kind: 'outlet', kindSure: true, allowsPhrase: true };
    if (!shape.phrase) return { why: `"${tokens[g - 1]!.word} mit …"`, strong: true, presents: true };
  }
  // `hat mit der Soziologin Eva Beispiel gesprochen`: the one who talks.
  if (governor?.lower === 'mit' && !shape.phrase && predicate().some((t) => /^(?:gesprochen|geredet|unterhalten|diskutiert|spricht|sprach|redet|redete)$/.test(t.lower))) {
    return { why: '"mit … gesprochen"', strong: true, presents: true, speaks: true };
  }

  // `Felix Probe von Axios`, `Marcel Probe vom DIW`: where the person named right before works.
  if ((before?.lower === 'von' || before?.lower === 'vom') && names.get(s - 2)?.kind === 'person' && !shape.phrase && shape.kind !== 'person') {
    return { why: 'after "von" following the name', strong: true, presents: true, kind: 'outlet', kindSure: true };
  }
  // The agent of a passive: `die von David Karpf auseinander genommen wird`, `von Rachel Maddow zusammenfassen lassen`.
  if (before && (before.lower === 'von' || before.lower === 'vom')) {
    const rest = predicate();
    const ofNoun = tokens[s - 2]?.cap && !tokens[s - 2]!.clauseEnd;
    const passive = (t: Token) => /^(?:wird|werden|wurde|wurden|worden|lassen|ließ|lässt)$/.test(t.lower);
    // Only with a verb of saying or writing: `von Jeff Muster gekauft` is news, not a source.
    if (!shape.phrase && !ofNoun && (rest.some(passive) || clause().slice(0, clause().indexOf(before)).some(passive)) && reporting(rest)) {
      return { why: 'agent after "von"', strong: true, presents: false, speaks: true };
    }
    return undefined;
  }

  // The subject of a relative clause about a piece: `ein Gespräch, das Tilo Probe mit … geführt hat`,
  // `im Quartalsbericht, den CNBC zusammengefasst hat`.
  const relative = before && /^(?:das|den|die|der)$/.test(before.lower) && tokens[s - 2]?.post === ',' && Boolean(tokens[s - 2] && isPiece(tokens[s - 2]!.word));
  if (relative && !shape.phrase) {
    const rest = clause().slice(clause().indexOf(last) + 1);
    const verb = rest[rest.length - (AUXILIARY.test(rest[rest.length - 1]?.lower ?? '') ? 2 : 1)];
    if (verb && !verb.cap && (isReportingVerb(verb.word) || /^(?:geführt|gemacht|gedreht|produziert)$/.test(verb.lower))) {
      return { why: `subject of "${verb.word}" about the "${tokens[s - 2]!.word}"`, strong: true, presents: true, speaks: true, verb: verb.word };
    }
  }

  // `wie Johannes Franzen … zeigt`, `Wie schon Milan Kundera bemerkte`, `was Emily Bender dazu schreibt`.
  let w = Math.min(s, part.start) - 1;
  while (w >= 0 && !tokens[w]!.clauseEnd && (ARTICLE.has(tokens[w]!.lower) || adjectiveLike(tokens[w]!))) w--;
  while (w >= 0 && BETWEEN_VERB_AND_NAME.has(tokens[w]!.lower) && !tokens[w]!.clauseEnd) w--;
  if (w >= 0 && (tokens[w]!.lower === 'wie' || tokens[w]!.lower === 'was') && !tokens[w]!.clauseEnd) {
    // The verb ends the `wie`-clause, perhaps after a list introduced by a colon; the `was`-clause at its comma.
    const wie = tokens[w]!.lower === 'wie';
    const rest: Token[] = [];
    for (let k = run.end; k < tokens.length && k < run.end + 40; k++) {
      rest.push(tokens[k]!);
      if ((/[.!?]/.test(tokens[k]!.post) && tokens[k]!.sentenceEnd) || (!wie && tokens[k]!.clauseEnd)) break;
    }
    // After `was`, only a verb of writing or arguing: `was X gesagt hat` is what someone in the news said.
    const verb = reporting(rest.filter((t) => wie || !isSpeechVerb(t.word)));
    return verb && !shape.phrase ? { why: `"${tokens[w]!.lower} …" with "${verb.word}"`, strong: true, presents: false, speaks: true, verb: verb.word } : undefined;
  }

  // After a reporting verb: `schreibt Nathan Benaich`, `versucht auch Ryan Broderick`, `kritisiert Tooze`;
  // after an auxiliary whose clause reports or publishes: `hat John Michael Colón einen Longread … veröffentlicht`.
  // A name after the verb is its subject only where no subject stands before it (`Anlässlich … schreibt
  // Nathan Benaich`, but not `Joan Westenberg sieht die USA`).
  const verb = w >= 0 && !tokens[w]!.clauseEnd && !tokens[w]!.cap && !subjectBefore(tokens, w, names) ? tokens[w] : undefined;
  // `Dazu schreibt die Zeit`, `berichtet auch der Spiegel`: a noun with an article after a verb of publishing.
  if (verb && singleNoun && n.article && PUBLISHES.test(verb.lower) && !isPiece(n.words[0]!.word) && !isRole(n.words[0]!.word)) {
    return { why: `after "${verb.word}"`, strong: true, presents: false, speaks: true, kind: 'outlet', allowsPhrase: true };
  }
  if (verb && isReportingVerb(verb.word) && !isFunctionWord(verb.word) && !shape.phrase) {
    return { why: `after "${verb.word}"`, strong: true, presents: Boolean(pieceIn(clause())), speaks: true, verb: verb.word };
  }
  if (verb && AUXILIARY.test(verb.lower) && !shape.phrase && (reporting(predicate()) || pieceIn(predicate()))) {
    const word = (reporting(predicate()) ?? pieceIn(predicate()))!.word;
    return { why: `after "${verb.word} … ${word}"`, strong: true, presents: Boolean(pieceIn(predicate())), speaks: true, verb: word };
  }
  // After another verb the name is the subject too, when the clause opened with something else
  // (`In eine ähnliche Kerbe schlägt auch Alberto Toscano`).
  if (verb && verbLike(verb) && !AUXILIARY.test(verb.lower) && !shape.phrase && !clauseStart(tokens, w, w)) {
    return { why: `after "${verb.word}"`, strong: false, presents: Boolean(pieceIn(clause())) };
  }
  // `hatten wir Arne Semsrott zu Gast`.
  if (before?.lower === 'wir' && tokens[run.end]?.lower === 'zu' && tokens[run.end + 1]?.lower === 'gast') {
    return { why: '"zu Gast"', strong: true, presents: true, speaks: true, kind: 'person' };
  }

  const atClauseStart = clauseStart(tokens, s, part.start);
  // Without a verb: `Raul Zelik in Analyse und Kritik mit vier Beobachtungen`, `Die Zeit mit den Hintergründen.`
  if (atClauseStart && after && /^(?:mit|in|im|über|zu|zur|zum)$/.test(after.lower) && !sentenceHasVerb(tokens, s)) {
    const rest = sentence().slice(sentence().indexOf(after) + 1);
    const presentsPiece = rest.some((t) => isPiece(t.word)) || rest.some((t) => nameLike(t) && !isCommonNoun(t.word));
    const topicOnly = /^(?:über|zu|zur|zum)$/.test(after.lower) && shape.kind !== undefined;
    if ((shape.kind !== undefined || shape.single || (n.article && singleNoun)) && (presentsPiece || topicOnly) && !isPiece(n.words[0]!.word)) {
      return { why: `"${shape.name} ${after.word} …" without a verb`, strong: true, presents: true, speaks: true, allowsPhrase: n.article && singleNoun };
    }
  }

  // `Nochmal Cory Doctorow, diesmal über …:`: the first name of a sentence without a verb is what it presents.
  if (shape.kind !== undefined && !sentenceHasVerb(tokens, s) && !sentence().slice(0, sentence().indexOf(tokens[s]!)).some((t) => nameLike(t) && !isCommonNoun(t.word) && !isFunctionWord(t.word))) {
    return { why: 'named in a sentence() without a verb', strong: true, presents: true, speaks: true };
  }

  // The subject: a name opening a clause, before its verb.
  if (atClauseStart && after && verbLike(after)) {
    const verbWord = reporting(predicate());
    // Its piece is an object, not the end of a preposition (`hat X in einen Propagandakanal verwandelt`).
    const piece = pieceIn(predicate().filter((_, k, words) => {
      let j = k - 1;
      while (j >= 0 && (ARTICLE.has(words[j]!.lower) || adjectiveLike(words[j]!) || /^(?:ein|eine|einen|einem|einer)$/.test(words[j]!.lower))) j--;
      return !(j >= 0 && /^(?:in|im|ins|auf|an|am|zu|zum|zur|gegen|um|aus|nach|unter)$/.test(words[j]!.lower));
    }));
    // `Die Zeit berichtet`: a common noun with an article is an outlet only as the subject of a reporting verb.
    if (singleNoun) {
      // `Der Spiegel hat eine lange Recherche …`: has a piece (its object, after an indefinite article).
      const pieceObject = piece && /^(?:hat|hatte|haben|hatten|bringt|brachte|zeigt)$/.test(after.lower) && indefiniteBefore(predicate(), piece);
      const publishes = PUBLISHES.test(after.lower) || pieceObject;
      if (!(n.article && publishes && !isPiece(n.words[0]!.word) && !isRole(n.words[0]!.word))) return undefined;
      return { why: piece && !PUBLISHES.test(after.lower) ? `subject, with a "${piece.word}"` : `subject of "${after.word}"`, strong: true, presents: Boolean(piece), speaks: true, kind: 'outlet', allowsPhrase: true };
    }
    if (shape.phrase) return undefined;
    // `Die Wired hat …`, but not `die Risiken großer Sprachmodelle`: a name with an article needs a plain verb after it.
    if (n.article && shape.kind === 'outlet' && shape.reason === 'a name with an article' && !finiteVerb(after)) return undefined;
    // A single word opening a sentence is a name only before a reporting verb (`Tooze fasst`, not `Besser bekannt ist`).
    // (Or before `hat` and a piece: `Platformer hat die Details`.)
    if (shape.single && !isReportingVerb(after.word) && !(AUXILIARY.test(after.lower) && verbWord) && !(/^(?:hat|hatte)$/.test(after.lower) && piece)) return undefined;
    if (verbWord) return { why: `subject of "${verbWord.word}"`, strong: true, presents: Boolean(piece), speaks: true, verb: verbWord.word };
    // `Der Standard hat mit Yanis Probe gesprochen`: who holds an interview presents it.
    if (/^(?:hat|hatte|haben|hatten)$/.test(after.lower) && predicate().some((t) => t.lower === 'mit') && predicate().some((t) => /^(?:gesprochen|geredet)$/.test(t.lower))) {
      return { why: 'subject of "hat mit … gesprochen"', strong: true, presents: true, speaks: true };
    }
    if (piece) return { why: `subject, with a "${piece.word}"`, strong: true, presents: true, speaks: true };
    return { why: `subject of "${after.word}"`, strong: false, presents: false, speaks: true };
  }
  // An outlet by its kind as the complement of `ist`/`war`: `Es war wieder Otherwise Salon`.
  let c = s - 1;
  while (c >= 0 && BETWEEN_VERB_AND_NAME.has(tokens[c]!.lower)) c--;
  if (shape.kind === 'outlet' && shape.sure && c >= 0 && /^(?:ist|war|sind|waren)$/.test(tokens[c]!.lower) && n.words.some((t) => isOutletWord(t.word))) {
    return { why: `"${tokens[c]!.word} … ${shape.name}"`, strong: false, presents: true };
  }
  return undefined;
}
