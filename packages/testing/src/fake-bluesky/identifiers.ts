/**
 * atproto identifiers in their real formats, so the real client's lexicon validation of
 * every response passes exactly as it does against Bluesky: `did:plc:` DIDs, TID record
 * keys (microsecond timestamps, base32-sortable) and CIDv1 content ids (dag-cbor, sha2-256,
 * base32).
 */
import { createHash } from 'node:crypto';

const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A record key: the time in microseconds and a clock id, 13 base32-sortable characters. */
export function tid(ms: number, clock: number): string {
  let n = (BigInt(Math.floor(ms)) * 1000n) << 10n;
  n |= BigInt(clock & 1023);
  let out = '';
  for (let i = 0; i < 13; i += 1) {
    out = SORTABLE[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

/** A CIDv1 (dag-cbor, sha2-256) of `content`, as the base32 string records are addressed by. */
export function cidOf(content: string): string {
  const digest = createHash('sha256').update(content).digest();
  return `b${base32(Uint8Array.from([0x01, 0x71, 0x12, 0x20, ...digest]))}`;
}

/** A stable `did:plc:` for a handle. */
export function didFor(handle: string): string {
  return `did:plc:${base32(createHash('sha256').update(handle).digest()).slice(0, 24)}`;
}
