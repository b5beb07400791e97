/**
 * HTTP/1.1 over a bare socket, for requests `fetch` refuses to send: broken framing, odd methods, bytes
 * that are not UTF-8 or not allowed at all. The request is written whole and every response read until the
 * server closes the connection (the requests say `Connection: close`).
 */
import net from 'node:net';

/**
 * Sends `bytes` and resolves with `{ bytes }` read back, or `{ error }` (no end within `timeout` ms
 * included). `halfClose` ends the sending side at once, for a request that would otherwise wait for more
 * bytes; otherwise not, since Node drops a request whose client half-closed before it was answered.
 */
export function sendRaw(port, bytes, { timeout = 10_000, halfClose = false } = {}) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ error: `no end of answer within ${timeout} ms` }), timeout);
    socket.on('data', (chunk) => chunks.push(chunk));
    // A reset after the answer is how some rejections end; what was read still counts.
    socket.on('error', (/** @type {NodeJS.ErrnoException} */ error) =>
      finish(chunks.length > 0 ? { bytes: Buffer.concat(chunks) } : { error: error.code }),
    );
    socket.on('close', () => finish({ bytes: Buffer.concat(chunks) }));
    if (halfClose) socket.end(bytes);
    else socket.write(bytes);
  });
}

/**
 * Parses the responses in `bytes` (1xx interim responses skipped). `headOnly` says the first request was a
 * HEAD, whose response has headers only. Returns `[{ status, headers, body }]`; throws on bytes that are
 * not HTTP responses.
 */
export function parseResponses(bytes, { headOnly = false } = {}) {
  const responses = [];
  let offset = 0;
  while (offset < bytes.length) {
    const headEnd = bytes.indexOf('\r\n\r\n', offset, 'latin1');
    if (headEnd === -1)
      throw new Error(
        `a response head without its end: ${JSON.stringify(bytes.subarray(offset).toString('latin1').slice(0, 200))}`,
      );
    const [statusLine, ...lines] = bytes.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!match) throw new Error(`not a status line: ${JSON.stringify(statusLine)}`);
    const status = Number(match[1]);
    const headers = new Map();
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      headers.set(
        name,
        headers.has(name) ? `${headers.get(name)}, ${line.slice(colon + 1).trim()}` : line.slice(colon + 1).trim(),
      );
    }
    offset = headEnd + 4;
    if (status < 200) continue;
    let body = Buffer.alloc(0);
    const noBody = (headOnly && responses.length === 0) || status === 204 || status === 304;
    if (noBody) {
      // nothing
    } else if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) {
      const parts = [];
      for (;;) {
        const lineEnd = bytes.indexOf('\r\n', offset, 'latin1');
        const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
        if (lineEnd === -1 || Number.isNaN(size)) throw new Error('a broken chunked response');
        offset = lineEnd + 2;
        if (size === 0) {
          offset = bytes.indexOf('\r\n', offset, 'latin1') + 2; // no trailers are sent
          break;
        }
        parts.push(bytes.subarray(offset, offset + size));
        offset += size + 2;
      }
      body = Buffer.concat(parts);
    } else if (headers.has('content-length')) {
      const length = Number(headers.get('content-length'));
      body = bytes.subarray(offset, offset + length);
      offset += length;
    } else {
      body = bytes.subarray(offset);
      offset = bytes.length;
    }
    responses.push({ status, headers, body });
  }
  return responses;
}
