// `npm run serve`: a small static file server for the built site on localhost, enough to try the
// search, which browsers do not run from file:// URLs. The dev server adds live reload to it.

import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { BuildError } from '../errors.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  /** Markup added before `</body>` of every HTML response (the dev server's reload client). */
  injectIntoHtml?: string;
  /** Extra handlers by exact URL path. */
  routes?: Record<string, (request: http.IncomingMessage, response: http.ServerResponse) => void>;
  /**
   * Folders served under a URL prefix in place of the root's (`/pagefind/` → the dev server's own
   * search index), asked for on every request; sent uncached, as they change while serving.
   */
  folders?: Record<string, () => string | undefined>;
}

/** Starts serving `root`; resolves with the server once it listens (fails when it cannot: a port in use). */
export async function startServer(root: string, port: number, host = '127.0.0.1', options: ServeOptions = {}): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    // A request that fails (a file removed while it is read) is answered as failed; the server goes on.
    respond(request, response, root, options).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(`Server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new BuildError(`port ${port} is in use: stop the server that uses it, or choose another port with --port N`, { cause: error }) : error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  return server;
}

/** Answers one request: a route, a file of a served folder, or a file of `root` (its 404 page when there is none). */
async function respond(request: http.IncomingMessage, response: http.ServerResponse, root: string, options: ServeOptions): Promise<void> {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400).end('Bad request');
    return;
  }
  const route = options.routes?.[urlPath];
  if (route) return route(request, response);
  const prefix = Object.keys(options.folders ?? {}).find((p) => urlPath.startsWith(p));
  const folder = prefix && options.folders![prefix]!();
  if (prefix && folder) {
    const file = await resolveFile(folder, urlPath.slice(prefix.length - 1));
    if (!file) return void response.writeHead(404).end('Not found');
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file)
      .on('error', () => response.end())
      .pipe(response);
    return;
  }
  const file = await resolveFile(root, urlPath);
  const status = file ? 200 : 404;
  const target = file ?? path.join(root, '404.html');
  const type = CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream';
  if (options.injectIntoHtml && type.startsWith('text/html')) {
    const html = await fs.readFile(target, 'utf8').catch(() => 'Not found');
    const injected = html.includes('</body>') ? html.replace('</body>', `${options.injectIntoHtml}</body>`) : html + options.injectIntoHtml;
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(injected);
    return;
  }
  response.writeHead(status, { 'content-type': type });
  createReadStream(target)
    .on('error', () => response.end('Not found'))
    .pipe(response);
}

/** `npm run serve`: serves a built site; a folder without one (not built yet) is refused rather than served as 404s. */
export async function serve(root: string, port: number): Promise<void> {
  const built = await fs.stat(path.join(root, 'index.html')).catch(() => undefined);
  if (!built?.isFile()) throw new BuildError(`${root} holds no built site (no index.html): run npm run build first, or name the site's folder with --dir DIR`);
  const server = await startServer(root, port);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Serving ${root} at http://localhost:${actualPort}/ (Ctrl+C stops)`);
}

/** Maps a URL path to a file inside root (directories to their index.html); never outside root. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const candidate = path.join(root, path.normalize(urlPath));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  for (const file of [candidate, path.join(candidate, 'index.html')]) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isFile()) return file;
  }
  return undefined;
}
