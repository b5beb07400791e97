import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Representation, StaticFile } from './static-folder.js';

const ALLOW = 'GET, HEAD, OPTIONS';

/**
 * The decoded path of a request target (`/a%20b.html?x` → `/a b.html`; the absolute form, which HTTP
 * asks servers to take too, `http://host/a.html` → `/a.html`), or `undefined` for one that has none.
 */
function pathOf(target = ''): string | undefined {
  const end = target.indexOf('?');
  let raw = end === -1 ? target : target.slice(0, end);
  const authority = /^https?:\/\/[^/]*/i.exec(raw);
  if (authority) raw = raw.slice(authority[0].length) || '/';
  if (!raw.startsWith('/')) return undefined;
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined; // not UTF-8 once decoded: no file has such a name
  }
}

/** Whether `Accept-Encoding` accepts gzip: named, or by `*`, with a weight above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...parameters] = part.split(';');
    const weight = parameters
      .map((parameter) => /^[ \t]*q[ \t]*=(.*)$/i.exec(parameter)?.[1])
      .find((found) => found !== undefined);
    const value = weight === undefined ? 1 : Number(weight.trim() || NaN); // a weight that is not a number accepts nothing
    const name = coding.trim().toLowerCase();
    if (name === 'gzip') gzip = value;
    else if (name === '*') any = value;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** `If-None-Match` against a representation's tag, compared weakly as HTTP asks for this header. */
function matches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The files of `--static`, answered from memory by Node's request handler: nothing is opened, read or
 * compressed per request, so a flood of requests costs no file handles, and each answer is written before
 * the next pipelined request is read (which lets Node stop reading a connection whose answers pile up).
 * `GET` and `HEAD` only (`OPTIONS` says so); `Range` is ignored (the whole file, 200, as HTTP allows).
 */
export class StaticFiles {
  readonly #files: ReadonlyMap<string, StaticFile>;
  readonly #headers = new Map<Representation, OutgoingHttpHeaders>();

  constructor(files: ReadonlyMap<string, StaticFile>, { csp }: { csp?: string | undefined } = {}) {
    this.#files = files;
    // Each answer's headers, built once.
    for (const file of new Set(files.values())) {
      const common = {
        ...(file.gzip ? { Vary: 'Accept-Encoding' } : {}),
        ...(csp ? { 'Content-Security-Policy': csp } : {}),
      };
      this.#headers.set(file.identity, {
        'Content-Type': file.type,
        'Content-Length': file.identity.body.length,
        ETag: file.identity.etag,
        ...common,
      });
      if (file.gzip) {
        this.#headers.set(file.gzip, {
          'Content-Type': file.type,
          'Content-Length': file.gzip.body.length,
          'Content-Encoding': 'gzip',
          ETag: file.gzip.etag,
          ...common,
        });
      }
    }
  }

  /** Answers the request when its path names a file, and says whether it did. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    const path = pathOf(request.url);
    const file = path === undefined ? undefined : this.#files.get(path);
    if (!file) return false;
    const { method } = request;
    if (method === 'GET' || method === 'HEAD') {
      const representation = file.gzip && acceptsGzip(request.headers['accept-encoding']) ? file.gzip : file.identity;
      const headers = this.#headers.get(representation)!;
      const condition = request.headers['if-none-match'];
      if (condition !== undefined && matches(condition, representation.etag)) {
        response.writeHead(304, { ETag: representation.etag, ...(file.gzip ? { Vary: 'Accept-Encoding' } : {}) }).end();
      } else {
        response.writeHead(200, headers).end(method === 'GET' ? representation.body : undefined);
      }
    } else if (method === 'OPTIONS') {
      response.writeHead(204, { Allow: ALLOW }).end();
    } else {
      const body = JSON.stringify({ error: `${method} is not allowed here` });
      response
        .writeHead(405, { Allow: ALLOW, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) })
        .end(body);
    }
    return true;
  }
}
