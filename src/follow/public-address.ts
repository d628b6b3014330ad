import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** Loopback, private, link-local (cloud metadata), carrier-grade NAT and other non-public ranges. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 3]] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [["::", 127], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv6");
}

/**
 * Whether an address a feed led us to may be fetched: a feed is the operator's choice, but
 * its items and redirects are not, and must not reach the machine's own network (an admin
 * page, a cloud metadata service) unless they stay on the feed's own host.
 */
export async function allowedFrom(feedUrl: string, target: URL): Promise<boolean> {
  if (target.host === new URL(feedUrl).host) return true;
  const host = target.hostname.replace(/^\[|\]$/g, "");
  try {
    const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
    return addresses.length > 0 && addresses.every((a) => !PRIVATE.check(a.address, a.family === 6 ? "ipv6" : "ipv4"));
  } catch {
    // Unresolvable: the fetch itself will fail with the reason.
    return true;
  }
}
