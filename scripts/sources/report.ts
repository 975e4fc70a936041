// The sources and headings part of `npm run score`: each labelled group read with a source model
// trained without it (leave one group out), measured against its gold (gold.ts, measure.ts).

import { withSourceModel, type SourceModel } from '../../src/reader/parse/source-model.js';
import stored from '../../src/reader/parse/source-weights.json' with { type: 'json' };
import { withSubjectModel } from '../../src/reader/parse/subjects.js';
import storedSubjects from '../../src/reader/parse/subject-weights.json' with { type: 'json' };
import { allGroups, readIssue, type GoldGroup } from './gold.js';
import { addFigures, figuresLine, measureIssue, type Figures } from './measure.js';
import { headingSections, subjectRows } from './headings.js';
import { fit, fitModel, labelledSections } from './training.js';

/** Runs a read with the source and subject models fitted on every group but one (with the stored penalties and thresholds). */
export function heldOutReader(groups: GoldGroup[], choice: Pick<SourceModel, 'penalty' | 'threshold' | 'doubtfulFrom'> = stored) {
  const sections = labelledSections(groups);
  const headings = headingSections(groups);
  return <T>(group: string, read: () => T): T => {
    const model = fitModel(
      sections.filter((s) => s.group !== group),
      choice,
    );
    const subjects = { ...storedSubjects, subject: fit(subjectRows(headings.filter((s) => s.group !== group)), storedSubjects.penalty) };
    return withSourceModel(model, () => withSubjectModel(subjects, read));
  };
}

/** Each group's figures, read with the models fitted on every other group. */
export function crossValidated(groups: GoldGroup[], choice?: Pick<SourceModel, 'penalty' | 'threshold' | 'doubtfulFrom'>): Figures[] {
  const heldOut = heldOutReader(groups, choice);
  return groups.map((group) => heldOut(group.name, () => addFigures(group.issues.map((issue) => measureIssue(issue.name, readIssue(issue).issue, issue.gold)))));
}

/** For `npm run score`: a corpus issue's reading with the source and subject models trained without it. */
export function heldOutCorpusReader(): <T>(number: number, read: () => T) => T {
  const heldOut = heldOutReader(allGroups());
  return (number, read) => heldOut(`No ${number}`, read);
}

export function printSourcesAndHeadings(verbose: boolean, except: number[] = []): void {
  const groups = allGroups(except);
  const figures = crossValidated(groups);
  console.log(
    `\nSources and headings, CROSS-VALIDATED (each group read with a source model trained without it; penalty ${stored.penalty}, threshold ${stored.threshold}; the author's section breaks)`,
  );
  groups.forEach((group, i) => console.log(figuresLine(group.name, figures[i]!)));
  const total = (label: string, pick: (g: GoldGroup) => boolean) => {
    const all = addFigures(figures.filter((_, i) => pick(groups[i]!)));
    console.log(figuresLine(label, all));
    return all;
  };
  total('corpus', (g) => g.name.startsWith('No '));
  const unseen = total('text the rules never saw', (g) => !g.rulesFitted && !g.name.startsWith('written '));
  const all = total('ALL, CROSS-VALIDATED', () => true);
  if (unseen.indexExtra.length) console.log(`  on /quellen/ but no labelled source (text the rules never saw): ${unseen.indexExtra.join(', ')}`);
  if (verbose) for (const m of all.mistakes) console.log(`  ${m}`);
}
