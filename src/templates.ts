// Stage 5, pages: LiquidJS templates from `templates/`, which the author can edit.
// Note: LiquidJS escapes every output by default (`outputEscape: 'escape'`); only the article
// body, already escaped by rehype-stringify, is inserted with `| raw`. `ownPropertyOnly` keeps
// templates from reaching prototype properties.

import { Liquid } from 'liquidjs';
import { TemplateError } from './errors.js';

export type TemplateName = 'index' | 'issue' | 'sources' | 'search' | '404';

export interface PageRenderer {
  render(template: TemplateName, data: Record<string, unknown>): Promise<string>;
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
  return {
    async render(template, data) {
      try {
        return await engine.renderFile(template, data);
      } catch (cause) {
        const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
        throw new TemplateError(`template ${template}.liquid in ${templatesDir}: ${message}`, { cause });
      }
    },
  };
}
