import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may target: only global unicast. Ranges come from ipaddr.js
 * (IANA special-purpose registries), not from a hand-written list, so loopback, private,
 * link-local, site-local, unique-local, carrier-grade NAT, documentation, benchmarking,
 * reserved, multicast and every other special range are refused; addresses that carry an
 * IPv4 target (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) are judged by it.
 */

const METADATA = new Set(['169.254.169.254', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

const V4_REASONS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  unspecified: 'an unspecified address',
};
const V6_REASONS: Record<string, string> = {
  loopback: 'a loopback address',
  unspecified: 'an unspecified address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local address',
  multicast: 'a multicast address',
  deprecated: 'a site-local address',
};

function v4Reason(a: ipaddr.IPv4): string | undefined {
  if (METADATA.has(a.toString())) return 'a cloud metadata address';
  const range = a.range();
  if (range === 'unicast') return undefined;
  return V4_REASONS[range] ?? 'a reserved or multicast address';
}

function embeddedV4(a: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = a.parts;
  const range = a.range();
  const at = (i: number) =>
    new ipaddr.IPv4([(p[i] ?? 0) >> 8, (p[i] ?? 0) & 255, (p[i + 1] ?? 0) >> 8, (p[i + 1] ?? 0) & 255]);
  if (range === 'ipv4Mapped' || range === 'rfc6052' || range === 'rfc6145') return at(6);
  if (range === '6to4') return at(1);
  // Teredo carries the client's address inverted in the last 32 bits.
  if (range === 'teredo') return new ipaddr.IPv4(at(6).octets.map((o) => o ^ 255));
  // IPv4-compatible (::a.b.c.d, deprecated) — ipaddr.js calls the block `reserved`.
  if (p.slice(0, 6).every((x) => x === 0)) return at(6);
  return undefined;
}

function v6Reason(a: ipaddr.IPv6): string | undefined {
  if (METADATA.has(a.toString())) return 'a cloud metadata address';
  const range = a.range();
  if (range === 'loopback' || range === 'unspecified') return V6_REASONS[range];
  const v4 = embeddedV4(a);
  if (v4) return v4Reason(v4);
  if (range === 'unicast') return undefined;
  return V6_REASONS[range] ?? 'a reserved address';
}

/** Why an IP address may not be a webhook target, or undefined when it may. */
export function refusedTargetReason(address: string): string | undefined {
  const literal = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  if (!ipaddr.isValid(literal)) return 'not an IP address';
  const parsed = ipaddr.parse(literal);
  return parsed.kind() === 'ipv4' ? v4Reason(parsed as ipaddr.IPv4) : v6Reason(parsed as ipaddr.IPv6);
}
