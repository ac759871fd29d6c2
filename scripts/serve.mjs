// A small static file server for the demo page and the browser tests.
//
//   node scripts/serve.mjs [dir] [--port 8080] [--csp] [--header 'Name: value' ...]
//
// Serves `dir` (default: www/) with the right content types (application/wasm
// for instantiateStreaming), with --csp the strict Content Security Policy
// the widget must work under, and with each --header that response header
// on every file (the private embed's assets need
// --header 'Access-Control-Allow-Origin: *'). Only listens on localhost.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "require-trusted-types-for 'script'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg)/;

/** The file for `path` in the first of `bases` that has it (never outside them). */
function locate(bases, path) {
  for (const base of bases) {
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return null;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file)) return file;
  }
  return join(bases[0], '__missing__');
}

/**
 * Starts a server for `dir` (or several `dirs`, searched in order).
 * `headers(path)` may add response headers per path and `status(path)` force
 * a status; `requests` collects every request seen (method and path).
 * Resolves to { url, port, requests, close }.
 */
export function serve({ dir, dirs = [dir], port = 0, headers = () => ({}), status = () => null } = {}) {
  const bases = dirs.map((d) => resolve(d));
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    requests.push({ method: req.method, path });
    const file = locate(bases, path);
    if (file === null) {
      res.writeHead(403).end();
      return;
    }
    const forced = status(path);
    if (forced || !existsSync(file)) {
      res.writeHead(forced ?? 404, { 'content-type': 'text/plain; charset=utf-8', ...headers(path) }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Compressed as any production server would (gzip, when the browser
    // takes it): the pages' load is measured as a site would serve them.
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      ...headers(path),
    });
    const body = createReadStream(file);
    (gzip ? body.pipe(createGzip()) : body).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => {
      const p = server.address().port;
      ok({ url: `http://localhost:${p}`, port: p, requests, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const args = process.argv.slice(2);
  // An option's value (after --port or --header) is not the directory.
  const dir =
    args.find((a, i) => !a.startsWith('--') && !/^\d+$/.test(a) && !['--port', '--header'].includes(args[i - 1])) ??
    join(fileURLToPath(new URL('..', import.meta.url)), 'www');
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 8080;
  const csp = args.includes('--csp');
  const extra = Object.fromEntries(
    args
      .filter((_, i) => args[i - 1] === '--header')
      .map((h) => [h.slice(0, h.indexOf(':')).trim().toLowerCase(), h.slice(h.indexOf(':') + 1).trim()]),
  );
  const s = await serve({ dir, port, headers: () => ({ ...(csp ? { 'content-security-policy': STRICT_CSP } : {}), ...extra }) });
  console.log(`Serving ${dir} at ${s.url}/${csp ? ' (strict CSP)' : ''} - press Ctrl+C to stop.`);
}
