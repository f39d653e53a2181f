/** Static files: /console/* from emulator/console, everything else from the h5 build (SPA fallback). Images live in storage (/_storage). */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type http from 'node:http';
import type { LocalCloudApi as LocalCloud } from './cloud-api';
import { sendJson } from './http-util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function safeJoin(root: string, urlPath: string): string | undefined {
  const full = resolve(root, '.' + normalize(decodeURIComponent(urlPath)));
  return full.startsWith(resolve(root)) ? full : undefined;
}

export function serveStatic(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
  const fromConsole = path === '/console' || path.startsWith('/console/');
  const root = fromConsole ? cloud.paths.console : cloud.paths.h5;
  let file = safeJoin(root, fromConsole ? path.slice('/console'.length) || '/' : path);
  if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file || !existsSync(file)) {
    if (fromConsole || extname(path)) return sendJson(res, 404, { error: `not found: ${path}` });
    file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The h5 app is not built yet: run `npm run build:h5` (npm start does it for you).');
      return;
    }
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const cache = extname(file) === '.html' ? 'no-cache' : 'public, max-age=300';
  res.writeHead(200, { 'content-type': type, 'content-length': statSync(file).size, 'cache-control': cache });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
