// `npx tsx scripts/sources/headings.ts [--except N,…]`: trains the subject model of the headings
// (src/reader/parse/subjects.ts) on the gold subject words of the corpus sections and the batches, and
// writes src/reader/parse/subject-weights.json. Penalty and threshold are chosen by leave-one-group-out
// cross-validation: the most headings naming the subject less three times those with a stray
// subject (a heading with a stray word is worse than a shorter one).

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Section } from '../../src/model.js';
import { sourceNames } from '../../src/model.js';
import { leadPhrase, subjectCandidates, type SubjectModel } from '../../src/reader/parse/subjects.js';
import type { TermParagraph } from '../../src/reader/parse/terms.js';
import { stem } from '../../src/reader/parse/terms.js';
import { projectRoot } from '../labels.js';
import { allGroups, readIssue, type Gold, type GoldGroup } from './gold.js';
import { wordsOf } from './measure.js';
import { candidatesOf, fit } from './training.js';

/** A section's paragraphs as the heading reads them. */
export function headingParagraphs(section: Section): TermParagraph[] {
  return section.blocks.flatMap((block): TermParagraph[] => {
    if (block.kind === 'quote') return block.paragraphs.map((p) => ({ text: p.text, lang: block.lang, quoted: true }));
    if (block.kind === 'list') return block.items.map((p) => ({ text: p.text, lang: block.lang ?? 'de' }));
    if (block.kind === 'heading') return [];
    return [{ text: block.paragraph.text, lang: block.lang ?? 'de' }];
  });
}

const CONNECTIVE = /^(?:über|und|zu|zum|zur|der|die|das|den|dem|des|im|in|von|vom|mit|ein|eine|einen|einer|the|of|\d+)$/;

/** Whether a term is an accepted subject (every word accepted, one a subject word), or holds a stray word. */
export function judge(term: string, gold: Gold, names: string[]): { named: boolean; stray: boolean } {
  const subjects = new Set((gold.subjects ?? []).flatMap(wordsOf));
  const allowed = new Set([...subjects, ...[...gold.sources.flatMap(sourceNames), ...names].flatMap(wordsOf)]);
  const stems = (set: Set<string>) => new Set([...set].map(stem));
  const [subjectStems, allowedStems] = [stems(subjects), stems(allowed)];
  const words = wordsOf(term).filter((w) => !CONNECTIVE.test(w));
  return { named: words.some((w) => subjects.has(w) || subjectStems.has(stem(w))), stray: words.some((w) => !allowed.has(w) && !allowedStems.has(stem(w))) };
}

interface HeadingSection {
  group: string;
  phrase?: { named: boolean; stray: boolean };
  candidates: { features: string[]; first: number; named: boolean; stray: boolean }[];
  hasSource: boolean;
}

/** The rows the subject model is fitted on: every candidate, an accepted subject or not. */
export const subjectRows = (sections: HeadingSection[]) => sections.flatMap((s) => s.candidates.map((c) => ({ features: c.features, y: c.named && !c.stray })));

/** Every section with gold subject words: its lead phrase and its subject candidates, judged. */
export function headingSections(groups: GoldGroup[]): HeadingSection[] {
  return groups.flatMap((group) =>
    group.issues.flatMap((issue) => {
      if (!issue.gold.some((g) => g.subjects)) return [];
      const report = readIssue(issue);
      const candidates = candidatesOf(report);
      return report.issue.sections.map((section, i) => {
        const gold = issue.gold[i]!;
        const names = section.sources.flatMap(sourceNames);
        const taken = new Set(names);
        const others = candidates[i]!.filter((c) => (c.kind === 'person' || c.occurrences.every((o) => o.mention.construction === 'place')) && !taken.has(c.name)).map((c) => c.name);
        const paragraphs = headingParagraphs(section);
        const phrase = leadPhrase(paragraphs, names);
        return {
          group: group.name,
          ...(phrase ? { phrase: judge(phrase, gold, names) } : {}),
          candidates: subjectCandidates(paragraphs, names, others).map((c) => ({ features: c.features, first: c.first, ...judge(c.term, gold, names) })),
          hasSource: names.length > 0,
        };
      });
    }),
  );
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Headings' subjects named and stray, each section's subject model trained without its group. */
export function crossValidateSubjects(sections: HeadingSection[], penalty: number, thresholds: number[], usePhrase = true) {
  const rows = subjectRows;
  const best = new Map<HeadingSection, { p: number; named: boolean; stray: boolean } | undefined>();
  for (const group of new Set(sections.map((s) => s.group))) {
    const m = fit(rows(sections.filter((s) => s.group !== group)), penalty);
    for (const s of sections.filter((x) => x.group === group)) {
      const scored = s.candidates.map((c) => ({ ...c, p: sigmoid(c.features.reduce((z, f) => z + (m.weights[f] ?? 0), m.bias)) }));
      best.set(s, scored.sort((a, b) => b.p - a.p || a.first - b.first)[0]);
    }
  }
  return thresholds.map((threshold) => {
    let named = 0;
    let stray = 0;
    for (const s of sections) {
      const b = best.get(s);
      const pick = usePhrase && s.phrase ? s.phrase : b && (b.p >= threshold || !s.hasSource) ? b : undefined;
      if (pick?.named) named++;
      if (pick?.stray) stray++;
    }
    return { threshold, named, stray };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { except: { type: 'string', default: '' } } });
  const except = values.except ? values.except.split(',').map(Number) : [];
  const sections = headingSections(allGroups(except));
  const thresholds = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
  console.log(`${sections.length} sections with gold subject words; ${sections.filter((s) => s.phrase).length} with a lead phrase (${sections.filter((s) => s.phrase?.stray).length} of them stray)`);
  let choice: { penalty: number; threshold: number; named: number; stray: number } | undefined;
  // A heading with a stray word costs three that name the subject (a shorter heading is better than a wrong one).
  const worth = (x: { named: number; stray: number }) => x.named - 3 * x.stray;
  const better = (a: { named: number; stray: number }, b?: { named: number; stray: number }) => !b || worth(a) > worth(b) || (worth(a) === worth(b) && a.stray < b.stray);
  for (const penalty of [0.3, 1, 3, 10]) {
    for (const usePhrase of [true, false]) {
      const cells = crossValidateSubjects(sections, penalty, thresholds, usePhrase);
      console.log(`penalty ${penalty}${usePhrase ? '' : ' (no lead phrase)'}: ${cells.map((c) => `${c.threshold} ${c.named}/${c.stray}`).join(' · ')}`);
      if (usePhrase) for (const c of cells) if (better(c, choice)) choice = { penalty, ...c };
    }
  }
  const { penalty, threshold } = choice!;
  const model: SubjectModel = { subject: fit(subjectRows(sections), penalty), threshold, penalty };
  console.log(`chosen: penalty ${penalty}, threshold ${threshold}: cross-validated, the subject named in ${choice!.named} of ${sections.length} headings, a stray subject in ${choice!.stray}`);
  fs.writeFileSync(path.join(projectRoot, 'src/reader/parse/subject-weights.json'), `${JSON.stringify(model, null, 1)}\n`);
}
