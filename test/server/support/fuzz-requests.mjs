/**
 * Random requests for the fuzz test, from a seeded PRNG. Most are near misses of valid requests (one or two
 * things wrong), so that they reach deep into the server; some are valid, and some are not HTTP at all.
 *
 * A request is `{ transport: 'fetch' | 'raw', method, route, target, query, headers, body, what }`; a raw one
 * may also carry `bytes` (the exact bytes to send), `broken` (the bytes are not well-formed HTTP, so
 * every answer must be a 4xx), `incomplete` (the request never ends, so closing without an answer is fine
 * too), and `headOnly` for a HEAD.
 */
import { voter as voterId } from './server-process.mjs';
import { verdict } from './protocol-oracle.mjs';

export const ALLOWED_ORIGIN = 'https://docs.example.org';
export const SEED_ITEMS = Array.from({ length: 8 }, (_, n) => `seed-${n}`);
export const SEED_VOTERS = Array.from({ length: 6 }, (_, n) => voterId(500 + n));

const SPECIAL_IDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "x'); DROP TABLE votes; --",
  '%',
  '%25',
  '%ZZ',
  '+',
  ' ',
  '&',
  '=',
  '?',
  '#',
  '\uFFFD',
  '\uFEFF',
  'a\u00A0b',
  '\u200Fmark',
  '\u202Fnarrow',
  'e\u0301',
  '😀',
  '\u2028',
  '\uFFFF',
  'null',
  'undefined',
  '0',
  '-1',
  '[]',
  '{}',
  'https://example.org/page?x=1#top',
  'a'.repeat(512),
  '😀'.repeat(512),
];
const REASONS = [null, 'missing', 'inaccurate', 'other', 'a', 'r'.repeat(64), 'site-own-1', '0-9'];
const BAD_REASONS = ['', 'Missing', 'r'.repeat(65), 'not clear', 'é', 'a_b', 3, true, {}, ['missing']];
const COMMENTS = [
  null,
  '',
  '   ',
  ' \n\t ',
  '  padded  ',
  'line one\nline two\r\nthree\tcolumns',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("x")',
  '\u202Bمضمن\u202C \u2067iso\u2069',
  'x'.repeat(1000),
  '😀'.repeat(1000),
  'e\u0301'.repeat(500),
  '__proto__',
];
const BAD_COMMENTS = [
  'x'.repeat(1001),
  '😀'.repeat(1001),
  'a\u0000b',
  '\u001B[2J',
  'a\u000Bb',
  'a\u007F',
  'a\u0085',
  '\uD800',
  'a\uDFFFb',
  5,
  false,
  ['text'],
  { text: 'x' },
];
const BAD_IDS = [
  '',
  'a'.repeat(513),
  '😀'.repeat(513),
  'a\u0000b',
  'a\u0001',
  '\u001F',
  'a\u007Fb',
  '\uD800',
  'x\uDC00',
  '\uDC00\uD800',
  '\n',
  '\t',
  'a\u0085b',
  '\u0080',
  'x\u009F',
  '\u202Eevil',
  'a\u202Ab',
  '\u2066x\u2069',
  '\u2068',
];
const BAD_VOTERS = [
  '',
  'a'.repeat(15),
  'a'.repeat(129),
  'abcdefgh ijklmnop',
  "abcdefghijklmnop' OR 1=1",
  'voter-00000000000é',
  'voter-000000000000\n',
  42,
  null,
  [],
  {},
  true,
];
const BAD_VOTES = ['maybe', 'YES', 'yes ', '', true, false, 0, 1, [], {}, 'null'];
const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json;',
  ' application/json',
  'application/json\t',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/json5',
  'json',
  '',
  'application/json, text/plain',
  'application/*',
  '*/*',
];
const OTHER_PATHS = [
  '/',
  '/api',
  '/api/',
  '/api/votes/',
  '/API/votes',
  '/api/votes.json',
  '/api/votes/extra',
  '//api/votes',
  '/api//votes',
  '/healthz/',
  '/favicon.ico',
  '/api/votes%2F',
  '/%2e%2e/etc/passwd',
  '/api/votes/..',
  '/index.html',
  '/api/votes;x=1',
];
const RANGES = [
  [0x21, 0x7e],
  [0xa0, 0xff],
  [0x100, 0x17f],
  [0x370, 0x3ff],
  [0x590, 0x5ff],
  [0x4e00, 0x4e80],
  [0x1f600, 0x1f64f],
  [0x300, 0x36f],
  [0xfdd0, 0xfdef],
  [0xfff0, 0xffff],
  [0xe000, 0xe0ff],
  [0x2000, 0x206f],
];
const RARE_RANGES = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0xd800, 0xdfff],
];
// Bytes that are not UTF-8: a lone continuation byte, an overlong "/", a UTF-8-encoded surrogate, past U+10FFFF, a cut sequence.
const NOT_UTF8 = [
  [0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xfe, 0xff],
];

export function requestGenerator(random) {
  const { int, chance, pick } = random;
  const codePoint = () => {
    const [from, to] = pick(chance(0.03) ? RARE_RANGES : RANGES);
    return from + int(to - from + 1);
  };
  const randomText = (length = 1 + int(20)) => String.fromCodePoint(...Array.from({ length }, codePoint));
  const validVoter = () =>
    Array.from({ length: 16 + int(20) }, () =>
      pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'),
    ).join('');
  const anyId = () => {
    const r = random.next();
    if (r < 0.3) return pick(SEED_ITEMS);
    if (r < 0.5) return pick(SPECIAL_IDS);
    if (r < 0.65) return pick(BAD_IDS);
    return randomText();
  };
  const anyVoter = () => (chance(0.4) ? pick(SEED_VOTERS) : chance(0.55) ? validVoter() : pick(BAD_VOTERS));
  const anyVote = () => (chance(0.85) ? pick(['yes', 'no', null]) : pick(BAD_VOTES));
  const anyReason = () => (chance(0.8) ? pick(REASONS) : pick(BAD_REASONS));
  const anyComment = () => {
    const r = random.next();
    if (r < 0.5) return randomText(1 + int(60));
    if (r < 0.75) return pick(COMMENTS);
    return pick(BAD_COMMENTS);
  };
  const bytesOf = (text) => Buffer.from(text, 'utf8');

  /** A query value for `id`: percent-encoded, or raw bytes that may not be UTF-8, or a stray "%". */
  function encodeItem(id) {
    const r = random.next();
    if (r < 0.08) return [...Buffer.from(pick(NOT_UTF8))].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    if (r < 0.12) return pick(['%', '%Z', '%2', 'a%', '%%', '%u0041', '+', 'a+b']);
    if (!id.isWellFormed()) {
      // encodeURIComponent refuses lone surrogates: send their (ill-formed) UTF-8 bytes instead.
      return [...id]
        .map((ch) =>
          ch.isWellFormed()
            ? encodeURIComponent(ch)
            : '%ED%' +
              (0xa0 + ((ch.charCodeAt(0) >> 6) & 0x1f)).toString(16).toUpperCase() +
              '%' +
              (0x80 + (ch.charCodeAt(0) & 0x3f)).toString(16).toUpperCase(),
        )
        .join('');
    }
    return encodeURIComponent(id);
  }

  function countsQuery() {
    const r = random.next();
    const count = r < 0.05 ? 0 : r < 0.75 ? 1 + int(5) : r < 0.9 ? 50 + int(51) : 101 + int(10);
    const parts = Array.from(
      { length: count },
      () => `item=${encodeItem(count > 20 ? pick(SEED_ITEMS.concat(SPECIAL_IDS.slice(0, 10))) : anyId())}`,
    );
    if (chance(0.3)) {
      const noise = pick([
        'foo=bar',
        'item[]=x',
        'ITEM=x',
        'items=x',
        '__proto__=x',
        'constructor=1',
        'it%65m=seed-1',
        '',
        '=',
        'item',
        '%FF=1',
        'item=',
        'a=%FF',
      ]);
      parts.splice(int(parts.length + 1), 0, noise);
    }
    if (chance(0.02)) parts.push(`item=${'a'.repeat(24_000)}`); // a head over Node's 16 KiB limit
    return parts.join('&');
  }

  function voteBody() {
    const fields = { id: anyId(), vote: anyVote(), voter: anyVoter() };
    // Protocol v1.1: a reason, a comment, or both, often with a seed item and voter so that they replace each other.
    if (chance(0.35)) {
      if (chance(0.5)) [fields.id, fields.voter] = [pick(SEED_ITEMS), pick(SEED_VOTERS)];
      if (chance(0.6)) fields.vote = pick(['yes', 'no']);
      if (chance(0.7)) fields.reason = anyReason();
      if (chance(0.7)) fields.comment = anyComment();
    }
    const r = random.next();
    let value = fields;
    if (r < 0.06) delete value[pick(['id', 'vote', 'voter'])];
    else if (r < 0.12) value = { ...fields, __proto__: null, extra: { __proto__: { vote: 'yes', polluted: true } } };
    else if (r < 0.16)
      value = JSON.parse(
        `{"__proto__":{"vote":"yes","id":"seed-0","voter":"${SEED_VOTERS[0]}"},"id":${JSON.stringify(fields.id)}}`,
      );
    else if (r < 0.2)
      value = {
        ...fields,
        constructor: { prototype: { vote: 'no' } },
        client: 'v2',
        nested: { a: [1, 2, { b: null }] },
      };
    let text = JSON.stringify(value);
    // Mutations of the text itself.
    const m = random.next();
    if (m < 0.05) text = `[${text}]`;
    else if (m < 0.08) text = pick(['null', '0', '"vote"', 'true', '', ' ', '{}', '[]', '{"vote":null}']);
    else if (m < 0.11) text = text.slice(0, int(text.length));
    else if (m < 0.14)
      text = `{"vote":"maybe",${text.slice(1)}`; // a duplicate key: the last one counts
    else if (m < 0.17) text = text.replace(/}$/, ',}').replace(/"/g, chance(0.5) ? "'" : '"');
    else if (m < 0.2) text = `${'['.repeat(1000 + int(3000))}${']'.repeat(int(2) ? 0 : 4000)}`;
    else if (m < 0.23)
      text = `{"id":${'{"a":'.repeat(500 + int(1000))}1${'}'.repeat(1000)},"vote":"yes","voter":"${SEED_VOTERS[1]}"}`;
    else if (m < 0.26) text = text.replace(/}$/, `,"padding":"${'p'.repeat(pick([8000, 8100, 8200, 9000, 70_000]))}"}`);
    else if (m < 0.28) text = `\uFEFF${text}`;
    else if (m < 0.3) text = text.replace(/}$/, ',"deep":' + '['.repeat(2000) + ']'.repeat(2000) + '}');
    let body = bytesOf(text);
    if (chance(0.08)) {
      // Bytes that are not UTF-8, inside the id's string (or anywhere, when there is none).
      const at =
        text.indexOf('"id":"') >= 0
          ? Buffer.byteLength(text.slice(0, text.indexOf('"id":"') + 6))
          : int(body.length + 1);
      body = Buffer.concat([body.subarray(0, at), Buffer.from(pick(NOT_UTF8)), body.subarray(at)]);
    }
    return body;
  }

  function contentTypes(transport) {
    const r = random.next();
    if (r < 0.7) return [['Content-Type', 'application/json']];
    // U+00A0 is not HTTP whitespace (only a raw request can send that byte as such).
    if (transport === 'raw' && r < 0.72)
      return [['Content-Type', pick(['application/json\u00A0', '\u00A0application/json'])]];
    if (r < 0.9) return [['Content-Type', pick(CONTENT_TYPES)]];
    if (r < 0.95) return [];
    return [
      ['Content-Type', 'application/json'],
      ['Content-Type', pick(['application/json', 'text/plain'])],
    ];
  }

  /** Headers that do not change what the request means. */
  function harmlessHeaders(transport) {
    const headers = [];
    if (chance(0.2))
      headers.push([
        'Origin',
        pick([
          ALLOWED_ORIGIN,
          'https://evil.example',
          'null',
          'http://docs.example.org',
          `${ALLOWED_ORIGIN}.evil.example`,
        ]),
      ]);
    if (chance(0.1)) headers.push(['X-Forwarded-For', pick(['1.2.3.4', '::1, 10.0.0.1', 'garbage', '<script>', ''])]);
    if (chance(0.1)) headers.push(['Accept', pick(['text/html', '*/*', 'application/json'])]);
    if (chance(0.05)) headers.push(['Cookie', 'session=abc; voter=voter-000000000001']);
    if (transport === 'raw' && chance(0.1))
      headers.push(['X-Latin1', Buffer.from([0xa0, 0xff, 0x80, 0x41]).toString('latin1')]);
    if (transport === 'raw' && chance(0.05)) headers.push(['Expect', '100-continue']);
    if (transport === 'raw' && chance(0.05)) headers.push(['Connection', 'Upgrade'], ['Upgrade', 'websocket']);
    return headers;
  }

  /** A request that is well-formed HTTP (over either transport); the oracle judges it. */
  function httpRequest(transport) {
    const r = random.next();
    let method;
    if (r < 0.42) method = 'GET';
    else if (r < 0.84) method = 'POST';
    else if (r < 0.88) method = 'HEAD';
    else if (r < 0.92) method = 'OPTIONS';
    else
      method = pick([
        'PUT',
        'DELETE',
        'PATCH',
        'PROPFIND',
        'SEARCH',
        'QUERY',
        ...(transport === 'raw' ? ['TRACE', 'CONNECT', 'M-SEARCH'] : []),
      ]);
    const p = random.next();
    let route = 'votes';
    let path = '/api/votes';
    if (p < 0.06) [route, path] = ['health', '/healthz'];
    else if (p < 0.12) [route, path] = ['other', pick(OTHER_PATHS)];
    else if (transport === 'raw' && p < 0.15)
      path = pick(['http://127.0.0.1/api/votes', '/x/../api/votes', '/api/./votes']);
    const query = method === 'POST' && !chance(0.05) ? '' : countsQuery();
    const headers = [...harmlessHeaders(transport)];
    let body;
    if (method === 'POST' || (transport === 'raw' && method !== 'GET' && method !== 'HEAD' && chance(0.3))) {
      headers.push(...contentTypes(transport));
      body = voteBody();
    }
    const target = method === 'CONNECT' ? '127.0.0.1:443' : `${path}${query ? `?${query}` : ''}`;
    if (method === 'CONNECT') route = 'other';
    return {
      transport,
      method,
      route,
      target,
      query,
      headers,
      body: body ?? Buffer.alloc(0),
      headOnly: method === 'HEAD',
      what: `${method} ${route}`,
    };
  }

  /**
   * The bytes of a raw request, with framing as asked.
   * @param {{ method: string, target: string, headers: string[][], body: Buffer }} request
   * @param {{ chunked?: boolean, version?: string, host?: boolean, lineEnd?: string, contentLength?: number }} [framing]
   */
  function serialize(
    request,
    { chunked = false, version = 'HTTP/1.1', host = true, lineEnd = '\r\n', contentLength } = {},
  ) {
    const lines = [`${request.method} ${request.target} ${version}`];
    if (host) lines.push('Host: 127.0.0.1');
    for (const [name, value] of request.headers) lines.push(`${chance(0.1) ? name.toLowerCase() : name}: ${value}`);
    const hasBody = request.body.length > 0 || request.method === 'POST';
    if (hasBody && chunked) lines.push('Transfer-Encoding: chunked');
    else if (hasBody) lines.push(`Content-Length: ${contentLength ?? request.body.length}`);
    lines.push('Connection: close');
    const head = Buffer.from(lines.join(lineEnd) + lineEnd + lineEnd, 'latin1');
    if (!hasBody) return head;
    if (!chunked) return Buffer.concat([head, request.body]);
    const chunks = [];
    for (let at = 0; at < request.body.length;) {
      const part = request.body.subarray(at, at + 1 + int(4000));
      chunks.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n'));
      at += part.length;
    }
    return Buffer.concat([head, ...chunks, Buffer.from('0\r\n\r\n')]);
  }

  /** A raw request that is not well-formed HTTP: every answer to it must be a 4xx. */
  function brokenRequest() {
    const request = httpRequest('raw');
    const broken = { ...request, broken: true, incomplete: false };
    const kind = int(13);
    let bytes;
    switch (kind) {
      case 0: // a method HTTP does not have, or a lowercase one
        bytes = serialize({ ...request, method: pick(['get', 'Post', 'FOO', 'G ET', 'GET\u0000', 'BREW']) });
        break;
      case 1: {
        // a byte not allowed in a request target
        const at = 1 + int(request.target.length);
        const byte = pick([0x00, 0x01, 0x0b, 0x7f, 0x80, 0xc3, 0xff]);
        bytes = serialize({
          ...request,
          target: request.target.slice(0, at) + String.fromCharCode(byte) + request.target.slice(at),
        });
        break;
      }
      case 2: // HTTP/1.1 without Host
        bytes = serialize(request, { host: false });
        break;
      case 3: // a header line that is not one
        bytes = serialize({
          ...request,
          headers: [
            ...request.headers,
            pick([
              ['X-Bad Name', 'x'],
              ['X-Bad', 'a\u0000b'],
              ['X-Bad', 'a\u0001b'],
              ['', 'empty name'],
              ['X-A', 'x\r\n folded'],
              ['X-A(', 'x'],
              ['Host ', 'spaced'],
            ]),
          ],
        });
        break;
      case 4: // bare LF line ends
        bytes = serialize(request, { lineEnd: '\n' });
        break;
      case 5: {
        // a Content-Length that is not one
        const body = request.body.length > 0 ? request.body : bytesOf('{}');
        bytes = Buffer.concat([
          Buffer.from(
            `POST /api/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${pick(['Content-Length: -1', 'Content-Length: abc', 'Content-Length: 1e3', `Content-Length: ${body.length}\r\nContent-Length: ${body.length + 1}`, `Content-Length: ${body.length}\r\nTransfer-Encoding: chunked`, 'Content-Length: 99999999999999999999999', `Content-Length: +${body.length}`])}\r\nConnection: close\r\n\r\n`,
            'latin1',
          ),
          body,
        ]);
        break;
      }
      case 6: // chunked framing that is broken
        bytes = Buffer.from(
          `POST /api/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${pick(['ZZ\r\nabc\r\n0\r\n\r\n', '5\r\nabcdefgh\r\n0\r\n\r\n', '-1\r\n\r\n', `${'f'.repeat(20)}\r\nx\r\n0\r\n\r\n`, '3\r\nabc0\r\n\r\n'])}`,
          'latin1',
        );
        break;
      case 7: // a transfer coding Node does not decode
        bytes = Buffer.from(
          `POST /api/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: ${pick(['gzip', 'identity', 'chunked, gzip'])}\r\nConnection: close\r\n\r\n{}`,
          'latin1',
        );
        break;
      case 8: // an expectation the server cannot meet
        bytes = serialize({
          ...request,
          headers: [
            ...request.headers.filter(([name]) => name !== 'Expect'),
            ['Expect', pick(['teapot', '200-ok', 'x'])],
          ],
        });
        break;
      case 9: // a version that is not HTTP/1.x
        bytes = serialize(request, {
          version: pick(['HTTP/3.0', 'HTTP/9.9', 'HTTP/1.2', 'HTTP/1', 'HTTX/1.1', 'http/1.1', 'HTTP/1.1x']),
        });
        break;
      case 10: // a head over 16 KiB
        bytes = serialize({
          ...request,
          headers: [...request.headers, ['X-Padding', 'p'.repeat(17_000 + int(20_000))]],
        });
        break;
      case 11: // a body shorter than its Content-Length, then the end of the connection
        bytes = serialize(
          { ...request, method: 'POST', target: '/api/votes' },
          { contentLength: request.body.length + 1 + int(100) },
        );
        // Nothing can be answered to a request that never ended: a 400 is polite, closing is fine too
        // (Node closes without a word when the request also asked for an Upgrade).
        broken.incomplete = true;
        break;
      default: // not HTTP at all: random bytes that cannot start a request line
        bytes = Buffer.from([
          pick([0x00, 0x16, 0x80, 0xff, 0x7b]),
          ...Array.from({ length: int(300) }, () => int(256)),
        ]);
    }
    return { ...broken, bytes, headOnly: bytes.toString('latin1').startsWith('HEAD '), what: `broken HTTP #${kind}` };
  }

  return function next() {
    const transport = chance(0.5) ? 'raw' : 'fetch';
    if (transport === 'raw' && chance(0.3)) return brokenRequest();
    const request = httpRequest(transport);
    if (transport === 'fetch') return request;
    // Valid framing variants: chunked bodies, HTTP/1.0.
    const chunked = request.body.length > 0 && chance(0.2);
    const version = !chunked && chance(0.05) ? 'HTTP/1.0' : 'HTTP/1.1';
    return { ...request, bytes: serialize(request, { chunked, version }) };
  };
}

/**
 * The oracle's verdict, and Node's limit of 16 KiB on a request's head: over it, even a valid request gets
 * 431. Near it (fetch adds headers of its own), a valid request may get either answer.
 */
export function expectationOf(request) {
  if (request.broken) return { valid: false };
  const headBytes = request.bytes ? request.bytes.indexOf('\r\n\r\n') : request.target.length + 300;
  if (headBytes > 17 * 1024) return { valid: false };
  return { ...verdict(request), mayBeTooLarge: headBytes > 15 * 1024 };
}
