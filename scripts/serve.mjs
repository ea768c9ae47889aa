// A local static server for the workbench page: serves www/ (the page),
// pkg/ (the package) and examples/court/ and examples/rulesets/ (the example
// court the page offers to load), on 127.0.0.1 only. Nothing else of the
// repository is reachable: no dotfile, no source, no /.git/config. Tests and
// benchmarks name any further folder they need (`serve(0, { extra: [...] })`).
// `make serve` runs it; the browser tests import `serve`.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.ndjson': 'application/x-ndjson',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};
export const DEFAULT_FOLDERS = ['www/', 'pkg/', 'examples/court/', 'examples/rulesets/'];

/**
 * The repository-relative file a URL path names, or null when it is not
 * served: malformed escapes, `..` or empty segments, dotfiles, unknown
 * extensions and anything outside the allowed folders all give null.
 */
export function resolvePath(pathname, folders = DEFAULT_FOLDERS) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return null;
  let path = decoded.slice(1);
  if (path === '' ) return null;
  if (path.endsWith('/')) path += 'index.html';
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return null;
  if (!(extname(path) in types)) return null;
  return folders.some((f) => path.startsWith(f)) ? path : null;
}

export function serve(port = 8080, { extra = [] } = {}) {
  const folders = [...DEFAULT_FOLDERS, ...extra.map((f) => (f.endsWith('/') ? f : `${f}/`))];
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { allow: 'GET, HEAD' }).end(); return; }
      let pathname;
      try {
        pathname = new URL(req.url, 'http://127.0.0.1').pathname;
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
        return;
      }
      if (pathname === '/' || pathname === '/www') { res.writeHead(302, { location: '/www/' }).end(); return; }
      const path = resolvePath(pathname, folders);
      if (path === null) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const file = join(root, path);
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': types[extname(path)],
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  // A client that sends garbage must not take the server down.
  server.on('clientError', (_err, socket) => socket.destroy());
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  await serve(port);
  console.log(`serving on http://127.0.0.1:${port}/www/ (Ctrl-C to stop)`);
}
