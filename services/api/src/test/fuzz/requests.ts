import fc from 'fast-check';
import type { RawRequest } from './raw-http.js';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
interface Schema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Strings that have broken something somewhere (issue 11), plus the usual suspects. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\uffff',
  '💬',
  '%00',
  '%',
  '%zz',
  '..',
  '../../etc/passwd',
  '/dev/zero',
  "'; DROP TABLE mentions; --",
  '<script>',
  '"quoted"',
  '-excluded',
  '"unbalanced',
  '0000-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59.999+14:00',
  '2026-11-01T00:00:00Z',
  'NaN',
  'Infinity',
  '-0',
  '1e300',
  '-1',
  '0',
  '2147483647',
  '2147483648',
  '3000000000',
  '9223372036854775807',
  '9223372036854775808',
  '99999999999999999999',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  b64('newest~1e300~1'),
  b64('newest~-1e300~1'),
  b64('reach~3000000000~1'),
  b64('confidence~NaN~1'),
  b64('feed~1e999~1'),
  b64('newest~1~999999999999999999'),
  'bmV3ZXN0fjFlMzAwfjE',
  '~~~',
  'a'.repeat(300),
  'é'.repeat(2000),
];

const NASTY_NUMBERS = [0, -1, 1, 1.5, 2 ** 31, 2 ** 31 - 1, 3_000_000_000, 2 ** 53, 1e300, -1e300, Number.MAX_VALUE];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Any JSON value, sometimes far off the schema. */
const wildJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A value for `schema`: usually of its type (often at or past its bounds), sometimes anything. */
function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return wildJson;
  const s = schema.anyOf?.find((x) => x.type !== 'null') ?? schema;
  let typed: fc.Arbitrary<unknown>;
  if (s.enum) typed = fc.constantFrom(...s.enum);
  else if (s.type === 'integer' || s.type === 'number') {
    const edges = [s.minimum, s.maximum].filter((x): x is number => x !== undefined);
    typed = fc.oneof(
      fc.constantFrom(...NASTY_NUMBERS, ...edges, ...edges.map((e) => e + 1), ...edges.map((e) => e - 1)),
      fc.integer(),
      fc.double(),
    );
  } else if (s.type === 'boolean') typed = fc.boolean();
  else if (s.type === 'array') typed = fc.array(valueFor(s.items, depth + 1), { maxLength: 4 });
  else if (s.type === 'object' && s.properties) {
    const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, valueFor(v, depth + 1)]));
    typed = fc.record(props, { requiredKeys: [] }).chain((o) =>
      fc.oneof(
        fc.constant(o),
        fc.record({ extra: wildJson }).map((x) => ({ ...o, ...x })),
      ),
    );
  } else typed = nastyString;
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: wildJson });
}

const encode = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'));

/** Query values: percent-encoded (usually), or raw bytes that are not valid in a URL. */
const queryValue = (schema: Schema | undefined) =>
  fc.tuple(valueFor(schema), fc.nat(9)).map(([v, mode]) => {
    const s = encode(v);
    if (mode === 0) return s.replace(/[\s#?&]/g, ''); // raw
    if (mode === 1) return '%ff%fe'; // invalid UTF-8
    try {
      if (mode === 2) return `%ED%A0%80${encodeURIComponent(s)}`; // an encoded surrogate
      return encodeURIComponent(s);
    } catch {
      return '%C0%80';
    }
  });

function deepJson(depth: number) {
  return Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);
}

/** Bodies: schema-shaped JSON, broken JSON, invalid UTF-8, deep or huge JSON, nothing. */
const bodyFor = (schema: Schema | undefined) =>
  fc.oneof(
    { weight: 6, arbitrary: valueFor(schema).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
    { weight: 1, arbitrary: fc.constant(Buffer.from('{"mentions": [')) },
    { weight: 1, arbitrary: fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])) },
    { weight: 1, arbitrary: fc.constantFrom(deepJson(5000), deepJson(100_000)) },
    { weight: 1, arbitrary: fc.constant(Buffer.from(JSON.stringify({ text: 'x'.repeat(2_000_000) }))) },
    {
      weight: 1,
      arbitrary: fc.constant(Buffer.from('{"__proto__": {"admin": true}, "constructor": {"prototype": 1}}')),
    },
    { weight: 1, arbitrary: fc.constant(Buffer.from('"\\u0000"')) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  );

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json, text/plain',
  '',
  '\u0000',
  'application/vnd.api+json',
];

/**
 * One request against the documented API: a route and method from /openapi.json (sometimes
 * a method or path it does not have), filled with hostile values.
 */
export function requestArbitrary(doc: OpenApi, keys: string[]): fc.Arbitrary<RawRequest> {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return fc
    .record({
      op: fc.constantFrom(...ops),
      method: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'BREW'), {
        freq: 10,
      }),
      pathParams: fc.array(queryValue({ type: 'string' }), { minLength: 3, maxLength: 3 }),
      query: fc.array(fc.tuple(fc.nat(40), fc.nat(2)), { maxLength: 6 }),
      queryValues: fc.array(queryValue(undefined), { minLength: 6, maxLength: 6 }),
      key: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...keys) },
        { weight: 1, arbitrary: fc.constantFrom('', 'gc_nope', 'x'.repeat(5000), '\u00ff\u00fe') },
      ),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      lastEventId: fc.option(
        fc.constantFrom('0-0', '0', '-1', 'x', '99999999999999-0', `${'9'.repeat(50)}-1`, '\u00ff'),
        {
          freq: 3,
        },
      ),
      body: fc.option(fc.constant(null), { freq: 4 }),
      bodyValue: fc.constant(null),
      lengthMismatch: fc.nat(30),
      seed: fc.nat(),
    })
    .chain((r) => {
      const schema = r.op.op.requestBody?.content?.['application/json']?.schema;
      return bodyFor(schema).map((body) => ({ ...r, bodyBytes: body }));
    })
    .map((r) => {
      const params = r.op.op.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      let pi = 0;
      const path = r.op.path.replace(/\{[^}]+\}/g, () => r.pathParams[pi++] || '1');
      const parts: string[] = [];
      r.query.forEach(([which, dup], i) => {
        const p = queryParams[which % Math.max(queryParams.length, 1)];
        const name = p?.name ?? ['sort', 'cursor', 'limit', 'x'][which % 4] ?? 'x';
        const value = r.queryValues[i] ?? '';
        // Duplicate parameters (arrays in the parsed query).
        for (let n = 0; n <= dup; n++) parts.push(`${name}=${value}`);
      });
      const target = parts.length ? `${path}?${parts.join('&')}` : path;
      const method = r.method ?? r.op.method;
      const hasBody = method !== 'GET' && method !== 'HEAD' && r.body === null;
      const headers: [string, string | Buffer][] = [
        ['Host', '127.0.0.1'],
        ['Connection', 'close'],
      ];
      if (r.key !== '') headers.push(['Authorization', Buffer.from(`Bearer ${r.key}`, 'latin1')]);
      if (r.lastEventId) headers.push(['Last-Event-ID', Buffer.from(r.lastEventId, 'latin1')]);
      let body: Buffer | undefined;
      if (hasBody) {
        body = r.bodyBytes;
        if (r.contentType !== '') headers.push(['Content-Type', Buffer.from(r.contentType, 'latin1')]);
        // Now and then a Content-Length that lies (short: the server must not wait forever).
        const length = r.lengthMismatch === 0 ? body.length + 10 : r.lengthMismatch === 1 ? 0 : body.length;
        headers.push(['Content-Length', String(length)]);
      }
      return { method, target, headers, body };
    });
}

/** Requests no schema describes: malformed request lines, URLs and headers. */
export const HOSTILE_REQUESTS: RawRequest[] = [
  { method: 'GET', target: '/v1/feed?brand=%00', headers: [] },
  { method: 'GET', target: '/v1/mentions?q=%00&staff=%00&source=%00&lang=%00', headers: [] },
  { method: 'GET', target: `/v1/mentions?cursor=${b64('newest~1e300~1')}`, headers: [] },
  { method: 'GET', target: `/v1/feed?cursor=${b64('feed~1e300~1')}`, headers: [] },
  { method: 'GET', target: '/v1/mentions?queryId=2147483648&minFollowers=3000000000', headers: [] },
  { method: 'GET', target: '/v1/mentions?sort=newest&sort=reach&limit=1&limit=2', headers: [] },
  { method: 'GET', target: '/v1/stream', headers: [['Last-Event-ID', '0-0']] },
  { method: 'GET', target: '/v1/stream?labels=praise,nope', headers: [['Last-Event-ID', '1-1']] },
  { method: 'DELETE', target: '/v1/api-keys/%00', headers: [] },
  { method: 'GET', target: '/v1/mentions/%zz', headers: [] },
  { method: 'GET', target: '/v1/%', headers: [] },
  { method: 'GET', target: '/v1/mentions/%E0%A4%A', headers: [] },
  { method: 'GET', target: Buffer.from([0x2f, 0x76, 0x31, 0x2f, 0xff, 0xfe]), headers: [] },
  { method: 'GET', target: `/v1/mentions?q=${'a'.repeat(70_000)}`, headers: [] },
  { method: 'GET', target: `/v1/queries/${'1'.repeat(5000)}`, headers: [] },
  { method: 'GET', target: '/v1/feed', headers: [['X-Big', 'x'.repeat(70_000)]] },
  { method: 'GET', target: '/v1/feed', headers: [['Bad Header', 'x']] },
  { method: 'GET', target: 'http://evil.example/v1/feed', headers: [] },
  { method: 'GET', target: '*', headers: [] },
  { method: 'GET', target: '//v1//feed', headers: [] },
  { method: 'G\u0000T', target: '/v1/feed', headers: [] },
  {
    method: 'POST',
    target: '/v1/ingest',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Length', 'abc'],
    ],
  },
  {
    method: 'POST',
    target: '/v1/ingest',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Length', '5'],
      ['Transfer-Encoding', 'chunked'],
    ],
    body: Buffer.from('0\r\n\r\n'),
  },
  {
    method: 'POST',
    target: '/v1/ingest',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Length', String(13 * 1024 * 1024)],
    ],
    body: Buffer.from('{'),
  },
  {
    method: 'POST',
    target: '/v1/ingest',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Length', '400000'],
    ],
    body: deepJson(200_000),
  },
];
