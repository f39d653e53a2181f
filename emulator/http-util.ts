/** Request and reply helpers shared by every HTTP handler of the local cloud. */
import type http from 'node:http';

/** CloudBase's request/response size limit. */
export const MAX_BODY = 6 * 1024 * 1024;

/** Reads a request body as bytes, refusing more than `max`. */
export function readBytes(req: http.IncomingMessage, max = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new Error(`body larger than ${max} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Reads a request body as UTF-8 text (at most MAX_BODY bytes). */
export async function readBody(req: http.IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
