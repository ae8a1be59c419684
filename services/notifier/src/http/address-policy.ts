import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { refusedTargetReason } from '@goodchatter/core';

/** A target the notifier will not connect to; permanent, so never retried. */
export class RefusedTargetError extends Error {
  override readonly name = 'RefusedTargetError';
}

/**
 * Why an address may not be a webhook target, or undefined when it may: the shared
 * policy (ipaddr.js ranges), which the API also applies when a subscription is saved.
 */
export const refusedReason = refusedTargetReason;

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
