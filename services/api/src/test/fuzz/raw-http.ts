import { connect } from 'node:net';

/** A request as bytes on the wire, so it can be anything (bad URLs, invalid UTF-8, huge headers). */
export interface RawRequest {
  method: string;
  /** The request target exactly as sent (already percent-encoded, or not). */
  target: string | Buffer;
  headers: [string, string | Buffer][];
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the stream early on purpose (SSE: we stop reading once it starts). */
  streaming: boolean;
}

export function toBytes(req: RawRequest): Buffer {
  const head: Buffer[] = [Buffer.from(`${req.method} `), Buffer.from(req.target), Buffer.from(' HTTP/1.1\r\n')];
  for (const [k, v] of req.headers) head.push(Buffer.from(`${k}: `), Buffer.from(v), Buffer.from('\r\n'));
  head.push(Buffer.from('\r\n'));
  return Buffer.concat([...head, req.body ?? Buffer.alloc(0)]);
}

/** How to send `req` again by hand: printed with every failure. */
export const reproducer = (req: RawRequest, port: number) =>
  `printf '%b' '${toBytes(req)
    .toString('latin1')
    .replace(/[^\x20-\x7e]|['\\%]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .slice(0, 4000)}' | nc 127.0.0.1 ${port}`;

/**
 * Sends one request on its own connection (`Connection: close`) and reads the whole answer.
 * Resolves `undefined` when nothing arrives within `timeoutMs` (a hang).
 */
export function send(port: number, req: RawRequest, timeoutMs: number): Promise<RawResponse | 'hang' | 'reset'> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (value: RawResponse | 'hang' | 'reset') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => finish('hang'), timeoutMs);
    socket.on('error', () => finish(chunks.length ? (parse(Buffer.concat(chunks), false) ?? 'reset') : 'reset'));
    socket.on('data', (c) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      const parsed = parse(all, false);
      // An event stream never ends: its status and headers are the answer.
      if (parsed?.headers['content-type']?.startsWith('text/event-stream')) finish({ ...parsed, streaming: true });
    });
    socket.on('end', () => finish(parse(Buffer.concat(chunks), true) ?? 'reset'));
    // No half-close: the request says `Connection: close`, so the server ends the exchange.
    socket.write(toBytes(req));
  });
}

function parse(all: Buffer, complete: boolean): RawResponse | undefined {
  const split = all.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  const [statusLine, ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  if (!Number.isInteger(status)) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = all.subarray(split + 4);
  if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  // Bytes past Content-Length answer whatever followed the request on the wire (pipelined).
  else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  if (!complete && !headers['content-type']?.startsWith('text/event-stream')) return undefined;
  return { status, headers, body: body.toString('utf8'), streaming: false };
}

function dechunk(buf: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = Number.parseInt(buf.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}
