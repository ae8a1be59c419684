import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';

/** A target the notifier will not connect to; permanent, so never retried. */
export class RefusedTargetError extends Error {
  override readonly name = 'RefusedTargetError';
}

const v4 = (a: string) => a.split('.').map(Number) as [number, number, number, number];

function v4Reason(a: string): string | undefined {
  const [x, y, z] = v4(a);
  if (a === '169.254.169.254' || a === '100.100.100.200' || a === '192.0.0.192') return 'a cloud metadata address';
  if (x === 127) return 'a loopback address';
  if (x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168)) return 'a private address';
  if (x === 169 && y === 254) return 'a link-local address';
  if (x === 100 && y >= 64 && y <= 127) return 'a shared (carrier-grade NAT) address';
  if (x === 0) return 'an unspecified address';
  if ((x === 192 && y === 0 && z === 0) || (x === 198 && (y === 18 || y === 19)) || x >= 224)
    return 'a reserved or multicast address';
  return undefined;
}

/** Eight 16-bit groups; handles `::` and a dotted IPv4 tail. */
function hextets(a: string): number[] {
  let s = a.toLowerCase().split('%')[0] ?? '';
  const tail = s.match(/(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  if (tail) {
    const [p, q, r, t] = v4(tail);
    s = `${s.slice(0, -tail.length)}${((p << 8) | q).toString(16)}:${((r << 8) | t).toString(16)}`;
  }
  const [head = '', rest] = s.split('::');
  const h = head ? head.split(':') : [];
  const r = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const fill = rest === undefined ? [] : Array(8 - h.length - r.length).fill('0');
  return [...h, ...fill, ...r].map((g) => Number.parseInt(g, 16));
}

const embeddedV4 = (g: number[], at: number) =>
  `${(g[at] ?? 0) >> 8}.${(g[at] ?? 0) & 255}.${(g[at + 1] ?? 0) >> 8}.${(g[at + 1] ?? 0) & 255}`;

function v6Reason(a: string): string | undefined {
  const g = hextets(a);
  const [g0 = 0] = g;
  if (g.slice(0, 7).every((x) => x === 0)) return g[7] === 1 ? 'a loopback address' : 'an unspecified address';
  // IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::) carry an IPv4 target.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return v4Reason(embeddedV4(g, 6));
  if (g0 === 0x64 && g[1] === 0xff9b) return v4Reason(embeddedV4(g, 6));
  if (g0 === 0x2002) return v4Reason(embeddedV4(g, 1));
  if (g0 === 0xfd00 && g[1] === 0x0ec2) return 'a cloud metadata address';
  if ((g0 & 0xfe00) === 0xfc00) return 'a unique-local address';
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address';
  return undefined;
}

/** Why an address may not be a webhook target, or undefined when it may. */
export function refusedReason(address: string): string | undefined {
  const family = isIP(address);
  if (family === 4) return v4Reason(address);
  if (family === 6) return v6Reason(address);
  return 'not an IP address';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets: resolves as usual, then keeps only addresses that may be
 * targets. Because it runs when the socket connects, a name that resolved to a public
 * address at creation and to 127.0.0.1 now (DNS rebinding) is still refused.
 */
export function guardedLookup(
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: LookupCallback,
) {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const allowed = addresses.filter((a) => !refusedReason(a.address));
    const first = allowed[0] ?? addresses[0];
    if (!first || allowed.length === 0) {
      const why = first ? `${hostname} resolves to ${first.address}, ${refusedReason(first.address)}` : hostname;
      return callback(new RefusedTargetError(`refused target: ${why}`), []);
    }
    if (options.all) callback(null, allowed);
    else callback(null, first.address, first.family);
  });
}
