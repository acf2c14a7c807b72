import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent. A customer types the URL, so it must never reach into the
 * platform's own network (SSRF): the host is resolved here, every address it resolves to
 * must be public unicast, and the request then connects to the very address checked
 * (`sender.ts` passes it as the connection's lookup), so a second DNS answer cannot swap
 * it for a private one (DNS rebinding).
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses; injected so tests can play DNS. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

export interface TargetPolicy {
  /** Plain http is allowed outside production only. */
  allowHttp: boolean;
  /** Test-only switch (WEBHOOK_ALLOW_PRIVATE_TARGETS, refused in production): the tests' own loopback receiver. */
  allowPrivate: boolean;
}

export class TargetRefused extends Error {
  override name = 'TargetRefused';
}

export interface SafeTarget {
  url: URL;
  /** The checked address the request must connect to. */
  address: ResolvedAddress;
}

/**
 * Whether an address is public unicast. ipaddr.js names the special-purpose ranges
 * (loopback, private, linkLocal, carrierGradeNat, multicast, uniqueLocal, reserved, …);
 * only what it calls `unicast` is public. An IPv4-mapped IPv6 address is judged as the
 * IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

/** Checks the URL's form only (no DNS): scheme, credentials, host. */
export function checkUrlForm(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('not a URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    throw new TargetRefused(policy.allowHttp ? 'only http and https URLs' : 'only https URLs');
  if (url.username !== '' || url.password !== '')
    throw new TargetRefused('no user name or password in the URL');
  if (url.hostname === '') throw new TargetRefused('no host');
  return url;
}

/** Resolves the URL's host and refuses it unless every address is public. */
export async function resolveSafeTarget(
  raw: string,
  policy: TargetPolicy,
  resolve: HostResolver,
): Promise<SafeTarget> {
  const url = checkUrlForm(raw, policy);
  // An IPv6 literal comes bracketed in URL.hostname.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new TargetRefused(`the host ${host} does not resolve`);
    }
    if (addresses.length === 0) throw new TargetRefused(`the host ${host} does not resolve`);
  }
  if (!policy.allowPrivate) {
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused)
      throw new TargetRefused(
        `the host resolves to ${refused.address}, which is not a public address`,
      );
  }
  return { url, address: addresses[0]! };
}
