// Server-side request forgery: an endpoint URL is someone else's input that Keel's servers will POST to, so it
// must never reach the machine itself, the private network, or a cloud metadata service. Checked when an
// endpoint is saved and again before every attempt (DNS can change in between), and the connection goes to the
// very address that was checked (no second lookup an attacker's DNS could answer differently).
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/** What the deployment allows besides public https: loopback and plain http, for development and tests. */
export type UrlPolicy = { allowLoopback: boolean };

/** A URL (or the address it resolves to) that Keel will not send to; the message is fit to show its owner. */
export class UnsafeUrlError extends Error {
  override name = "UnsafeUrlError";
}

export type ResolvedAddress = { address: string; family: 4 | 6 };

/**
 * Whether Keel may connect to `address`: public unicast only, plus loopback under `allowLoopback`. IPv4-mapped
 * IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address it is; NAT64, 6to4 and Teredo, which can tunnel to
 * private IPv4, are refused along with every other special range.
 */
export function isAllowedAddress(address: string, policy: UrlPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return true;
  return range === "loopback" && policy.allowLoopback;
}

/** Parses `raw` and checks what can be checked without DNS: scheme, credentials, literal addresses. */
export function parseEndpointUrl(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("Enter a full URL, like https://example.com/webhooks.");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowLoopback)) {
    throw new UnsafeUrlError(policy.allowLoopback ? "Use an http:// or https:// URL." : "Use an https:// URL.");
  }
  if (url.username || url.password) throw new UnsafeUrlError("Leave credentials out of the URL; verify the signature instead.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host) && !isAllowedAddress(host, policy)) throw new UnsafeUrlError(refusal(policy));
  return url;
}

/**
 * Resolves the URL's host and returns the address to connect to, refusing when ANY of its addresses is not
 * allowed: a name answering with one public and one private address must not get a chance at the private one.
 */
export async function resolveEndpoint(raw: string, policy: UrlPolicy): Promise<{ url: URL; target: ResolvedAddress }> {
  const url = parseEndpointUrl(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === "ipv6" ? 6 : 4 }];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })) as ResolvedAddress[];
    } catch {
      throw new UnsafeUrlError(`The host ${host} could not be found.`);
    }
  }
  if (addresses.length === 0) throw new UnsafeUrlError(`The host ${host} could not be found.`);
  if (!addresses.every((a) => isAllowedAddress(a.address, policy))) throw new UnsafeUrlError(refusal(policy));
  return { url, target: addresses[0]! };
}

const refusal = (policy: UrlPolicy) =>
  policy.allowLoopback
    ? "That URL points at a private, link-local or reserved address; webhooks go to public addresses or this machine only."
    : "That URL points at a private, loopback, link-local or reserved address; webhooks go to public addresses only.";
