// The review in the writing loop (`npm run dev` only, never the published site): on an issue page
// the author clicks a paragraph to make it a quote or his own, or between paragraphs to start or
// join a section; this server writes the change into the issue file as marks (marks.ts), the
// words unchanged, and the page reloads with the rebuild. A button marks the issue reviewed.
// Note: the first click on an issue the reader still guesses writes its whole reading as marks
// (`marked: true`): a "not a quote" can only be said where the marks are complete, and so every
// click changes exactly the paragraph clicked, the rest staying as the page showed it.
// Note: a server that writes files is a target for any page the author visits. The writing
// endpoint takes only marks (an issue number, a line, an action; never text), only for files in
// the input folder, only from the dev page itself: the Host and Origin must be this server's, and
// a secret made per run, which only a page of this origin can read, must come with the request.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { BuildError } from '../errors.js';
import { loadIssues } from '../build/inputs.js';
import type { IssueSource } from '../reader/load/index.js';
import { parseIssueWithReport } from '../reader/parse/index.js';
import { sectionParagraphs } from '../model.js';
import { isDoubtful } from './check.js';
import { marksOf, singleSource, utf8Text, withMarks, type Marks } from './marks.js';

/** What a click asks for: a paragraph (by its line) made a quote or the author's, a section started or joined; or the issue reviewed. */
const ACTIONS = ['quote', 'commentary', 'start', 'join', 'reviewed'] as const;
type Action = (typeof ACTIONS)[number];

/** The markup the dev server adds to every page: the review script, which acts only on issue pages. */
export const REVIEW_SCRIPT = '<script src="/__review/client.js" defer></script>';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** The review's routes for the dev server, with a secret made for this run. */
export function reviewRoutes(input: string, log: (line: string) => void = () => {}): Record<string, Route> {
  const secret = randomBytes(32).toString('base64url');
  const guarded =
    (handler: (request: IncomingMessage) => Promise<unknown>, write: boolean): Route =>
    (request, response) => {
      const answer = async () => {
        try {
          refuseForeign(request, secret, write);
          respond(response, 200, await handler(request));
        } catch (error) {
          const status = error instanceof ReviewError ? error.status : error instanceof BuildError ? 422 : 500;
          respond(response, status, { message: error instanceof Error ? error.message : String(error) });
        }
      };
      // Note: every failure is answered inside; one while answering ends the connection.
      answer().catch(() => response.destroy());
    };
  return {
    '/__review/client.js': (request, response) => {
      if (!ownHost(request)) return void respond(response, 403, { message: 'not this server' });
      fs.readFile(path.join(projectRoot, 'src', 'cli', 'review-client.js'), 'utf8').then(
        (script) => response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(script),
        (error: unknown) => respond(response, 500, { message: String(error) }),
      );
    },
    '/__review/state': guarded(async (request) => ({ secret, ...(await stateOf(input, Number(new URL(request.url ?? '', 'http://x').searchParams.get('issue')))) }), false),
    '/__review/marks': guarded(async (request) => {
      const change = readChange(await body(request));
      const written = await applyChange(input, change);
      log(`review: ${written} (${change.action}${change.line ? ` at line ${change.line}` : ''})`);
      return { written };
    }, true),
  };
}

/** A refusal with its HTTP status. */
class ReviewError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The Host a browser sends to this server: localhost or 127.0.0.1 at its port (not a name rebound to it). */
function ownHost(request: IncomingMessage): boolean {
  const port = request.socket.localPort;
  return [`localhost:${port}`, `127.0.0.1:${port}`].includes(request.headers.host ?? '');
}

/** Refuses a request that does not come from a page of this server (and, to write, without the run's secret). */
function refuseForeign(request: IncomingMessage, secret: string, write: boolean): void {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (!ownHost(request) || (site !== undefined && site !== 'same-origin')) throw new ReviewError(403, 'refused: not a page of this dev server');
  if (origin !== undefined && origin !== `http://${request.headers.host}`) throw new ReviewError(403, 'refused: not a page of this dev server');
  if (!write) return;
  if (request.method !== 'POST' || origin === undefined) throw new ReviewError(403, 'refused: marks are written only on a POST from the dev page');
  const given = Buffer.from(String(request.headers['x-review-secret'] ?? ''));
  const own = Buffer.from(secret);
  if (given.length !== own.length || !timingSafeEqual(given, own)) throw new ReviewError(403, 'refused: the secret of this run is missing or wrong; reload the page');
  if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) throw new ReviewError(415, 'refused: send JSON');
}

function respond(response: ServerResponse, status: number, data: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(data));
}

/** The request's body: a few hundred bytes of JSON at most. */
async function body(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 1000) throw new ReviewError(413, 'refused: a change is a few numbers, not text');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ReviewError(400, 'refused: not JSON');
  }
}

interface Change {
  issue: number;
  version: string;
  action: Action;
  line?: number;
}

/** Reads a change: an issue number, the file's version, an action and a line; anything else is refused. */
function readChange(data: unknown): Change {
  const { issue, version, action, line, ...rest } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
  if (Object.keys(rest).length || !whole(issue) || typeof version !== 'string' || !/^[0-9a-f]{64}$/.test(version) || !ACTIONS.includes(action as Action)) {
    throw new ReviewError(400, 'refused: a change is {issue, version, action, line} and nothing else');
  }
  if (action !== 'reviewed' && !whole(line)) throw new ReviewError(400, 'refused: this change needs the line of its paragraph');
  return { issue: issue as number, version, action: action as Action, ...(action !== 'reviewed' ? { line: line as number } : {}) };
}

/** The issue's file in the input folder, its text and version; never a file outside the folder. */
async function issueFile(input: string, issue: number): Promise<{ file: string; name: string; text: string; version: string; source: IssueSource }> {
  const { sources } = await loadIssues(input);
  const found = sources.find((s) => s.number === issue);
  if (!found) throw new ReviewError(404, `No ${issue} is not in ${path.basename(input)}/`);
  const [file, folder] = await Promise.all([fs.realpath(path.join(input, found.file)), fs.realpath(input)]);
  if (path.dirname(file) !== folder) throw new ReviewError(403, `${found.file} lies outside ${path.basename(input)}/ (a link): marks are written only into files in the folder`);
  const bytes = await fs.readFile(file);
  const text = utf8Text(found.file, bytes);
  return { file, name: found.file, text, version: createHash('sha256').update(bytes).digest('hex'), source: singleSource(found.file, text.replace(/^\uFEFF/, '')) };
}

/** What the page needs to offer the review: the file's version, the review state and each section's paragraphs. */
async function stateOf(input: string, issue: number): Promise<object> {
  if (!Number.isSafeInteger(issue) || issue < 0) throw new ReviewError(400, 'which issue?');
  const { name, version, source } = await issueFile(input, issue);
  const { issue: parsed, paragraphs } = parseIssueWithReport(source);
  const byLine = new Map(paragraphs.map((p) => [p.line, p]));
  return {
    file: name,
    version,
    state: source.frontMatter.reviewed ? 'reviewed' : source.frontMatter.marked ? 'marked' : 'read',
    sections: parsed.sections.map((section) =>
      sectionParagraphs(section).map((p) => {
        const report = byLine.get(p.line)!;
        return { line: p.line, text: p.text, kind: report.kind, confidence: report.confidence, doubtful: isDoubtful(report) };
      }),
    ),
  };
}

/** Writes the change into the issue's file as marks, unless the file changed since the page read it. */
async function applyChange(input: string, change: Change): Promise<string> {
  const { file, name, text, version, source } = await issueFile(input, change.issue);
  if (version !== change.version) throw new ReviewError(409, `${name} changed on disk since this page was shown; nothing was overwritten. The page shows the file as it is now once it reloads.`);
  const { paragraphs } = parseIssueWithReport(source);
  const marks = marksOf(paragraphs);
  if (change.line !== undefined)
    changeMarks(
      marks,
      paragraphs.filter((p) => p.kind !== 'intro'),
      change.line,
      change.action,
      name,
    );
  const marked = withMarks(name, text, marks, change.action === 'reviewed' ? 'reviewed' : 'marked');
  // Note: written beside the file under a hidden name and renamed, so a build never reads half of it.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.review-${process.pid}`);
  await fs.writeFile(temporary, marked);
  await fs.chmod(temporary, (await fs.stat(file)).mode);
  await fs.rename(temporary, file);
  return name;
}

/** Applies a click to the reading: the paragraph at `line` (and its halves across a page break). */
function changeMarks(marks: Marks, body: { line: number; continues?: boolean }[], line: number, action: Action, name: string): void {
  const at = body.findIndex((p) => p.line === line);
  if (at < 0 || !marks.has(line)) throw new ReviewError(422, `${name}:${line} is no paragraph that can be marked`);
  if (action === 'start' || action === 'join') return void (marks.get(line)!.start = action === 'start');
  for (let i = at; i < body.length && (i === at || body[i]!.continues); i++) marks.get(body[i]!.line)!.quote = action === 'quote';
}
