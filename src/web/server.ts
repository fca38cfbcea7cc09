/**
 * `npm start`: serves the playground on localhost, with training in a Web Worker, so that it
 * runs without VS Code. Only the page, dist/ and media/ are served.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { WEB_CSP, webPageHtml } from './page';

const ROOT = resolve(__dirname, '..');
const SERVED = ['dist', 'media'].map((dir) => join(ROOT, dir) + sep);
const FIRST_PORT = portFrom(process.env.PORT);
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** Answers one request: the page at `/`, files under dist/ and media/, else 404. */
async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = decodeURIComponent(
    new URL(request.url ?? '/', 'http://localhost').pathname,
  );
  const headers = { 'Content-Security-Policy': WEB_CSP, 'Cache-Control': 'no-store' };
  if (path === '/' || path === '/index.html') {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    response.end(webPageHtml());
    return;
  }
  const file = resolve(ROOT, path === '/favicon.ico' ? 'media/icon.png' : '.' + path);
  const type = TYPES[extname(file)];
  if (!type || !SERVED.some((dir) => file.startsWith(dir)))
    return notFound(response, path);
  try {
    const body = await readFile(file);
    response.writeHead(200, { ...headers, 'Content-Type': type });
    response.end(body);
  } catch {
    notFound(response, path);
  }
}

function notFound(response: ServerResponse, path: string): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`Not found: ${path}. This server serves the playground at / only.\n`);
}

/** Listens on `port`, or the next free one if it is taken. */
function listen(port: number, attemptsLeft = 20): void {
  const server = createServer((request, response) => {
    answer(request, response).catch((error: Error) => {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`Server error: ${error.message}\n`);
    });
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' && attemptsLeft > 0)
      return listen(port + 1, attemptsLeft - 1);
    console.error(
      `Logit Lab: cannot listen on port ${port}: ${error.message}. Set PORT.`,
    );
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Logit Lab playground: http://127.0.0.1:${actual}/  (Ctrl+C to stop)`);
  });
}

/** The port to try first: PORT when it is a port number (0 picks a free one), else 8137. */
function portFrom(text: string | undefined): number {
  if (text === undefined || text === '') return 8137;
  const port = Number(text);
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  console.error(`Logit Lab: PORT must be a port number from 0 to 65535, got "${text}".`);
  process.exit(2);
}

listen(FIRST_PORT);
