// What rendering one page takes, as plain data: a template and its values, and for an issue page
// the model its lead and body are made from. This thread or the rendering thread (parallel.ts)
// turns a job into the page's text alike.

import { blockParagraphs, type Issue, type Paragraph } from '../../model.js';
import { mdastToHtml } from './html.js';
import { introToMdast, issueToMdast, type RelatedLink } from './mdast.js';
import type { PageRenderer, TemplateName } from './templates.js';

export type PageJob =
  /** A template and the values it shows. */
  | { template: TemplateName; data: Record<string, unknown>; issuePage?: undefined }
  /** The issue template, its values, and what the page's lead and body are made of. */
  | { template: 'issue'; data: Record<string, unknown>; issuePage: IssuePageModel };

export interface IssuePageModel {
  issue: Issue;
  /** The related sections listed under each section, by the section's index. */
  related: RelatedLink[][];
  /** The page URL of each issue this one mentions that the archive has. */
  issueUrls: Record<number, string>;
}

/** Renders a page's job to its HTML. */
export function renderJob(job: PageJob, renderer: PageRenderer): string {
  if (!job.issuePage) return renderer.render(job.template, job.data);
  const { issue, related, issueUrls } = job.issuePage;
  const issueUrl = (number: number): string | undefined => issueUrls[number];
  const position = new Map(issue.sections.map((section, index) => [section, index]));
  // The page shows the intro as its lead and related sections under each section.
  const lead = introToMdast(issue, { issueUrl });
  const body = issueToMdast(issue, { issueUrl, intro: false, related: (section) => related[position.get(section)!] ?? [] });
  return renderer.render('issue', { ...job.data, lead: lead ? mdastToHtml(lead, issue.file) : '', body: mdastToHtml(body, issue.file) });
}

/** The numbers of the issues an issue mentions anywhere in its text (intro, sections, support block). */
export function mentionedNumbers(issue: Issue): Set<number> {
  const numbers = new Set<number>();
  const read = (paragraph: Paragraph) => {
    for (const run of paragraph.content) if (run.type === 'issueRef') numbers.add(run.number);
  };
  if (issue.intro) read(issue.intro);
  for (const section of issue.sections) for (const block of section.blocks) blockParagraphs(block).forEach(read);
  for (const support of issue.support) support.paragraphs.forEach(read);
  return numbers;
}
