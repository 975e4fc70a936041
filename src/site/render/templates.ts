// Stage 5, pages: LiquidJS templates from `templates/`, which the author can edit.
// Note: LiquidJS escapes every output by default (`outputEscape: 'escape'`); only the article
// body, already escaped by rehype-stringify, is inserted with `| raw`. `ownPropertyOnly` keeps
// templates from reaching prototype properties.

import { Liquid, type Template } from 'liquidjs';
import { TemplateError } from '../../errors.js';

export type TemplateName = 'index' | 'issue' | 'sources' | 'source' | 'search' | '404';

export interface PageRenderer {
  render(template: TemplateName, data: Record<string, unknown>): string;
}

export function createPageRenderer(templatesDir: string): PageRenderer {
  const engine = new Liquid({
    root: [templatesDir],
    layouts: [templatesDir],
    partials: [templatesDir],
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    ownPropertyOnly: true,
    cache: true,
  });
  // Each template is parsed once and rendered synchronously for every page.
  const parsed = new Map<TemplateName, Template[]>();
  const fail = (template: TemplateName, cause: unknown) => {
    const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    return new TemplateError(`template ${template}.liquid in ${templatesDir}: ${message}`, { cause });
  };
  return {
    render(template, data) {
      try {
        let templates = parsed.get(template);
        if (!templates) parsed.set(template, (templates = engine.parseFileSync(template)));
        return engine.renderSync(templates, data) as string;
      } catch (cause) {
        throw fail(template, cause);
      }
    },
  };
}
