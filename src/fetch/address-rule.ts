// Which network addresses the server may fetch from on a user's behalf: the public internet only, unless allowed.
import { BlockList, isIP } from 'node:net';

/** Address ranges that are not the public internet: loopback, private, link-local (cloud metadata), CGNAT, multicast… */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
  ['2001:db8::', 32], // documentation
  ['100::', 64], // discard
  ['64:ff9b:1::', 48], // local-use NAT64
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** Whether `address` (an IPv4 or IPv6 literal) is outside the public internet; anything unparsable counts as not public. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/gu, '').replace(/%.*$/u, '');
  const family = isIP(bare);
  if (family === 4) return NOT_PUBLIC.check(bare, 'ipv4');
  if (family !== 6) return true;
  // IPv4 carried in IPv6 (mapped ::ffff:a.b.c.d, translated ::ffff:0:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16,
  // the old compatible ::a.b.c.d): judged as IPv4.
  const carried = embeddedIpv4(bare);
  if (carried) return NOT_PUBLIC.check(carried, 'ipv4');
  return NOT_PUBLIC.check(bare, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped, translated, compatible, NAT64 or 6to4 IPv6 address, if it is one. */
function embeddedIpv4(address: string): string | undefined {
  const groups = expand(address.toLowerCase());
  if (!groups) return undefined;
  const quad = (hi: string | undefined, lo: string | undefined): string => {
    const [h, l] = [parseInt(hi ?? '0', 16), parseInt(lo ?? '0', 16)];
    return `${h >> 8}.${h & 255}.${l >> 8}.${l & 255}`;
  };
  // 6to4 (2002:AABB:CCDD::/16) carries its IPv4 address in the second and third groups.
  if (groups[0] === '2002') return quad(groups[1], groups[2]);
  const head = groups.slice(0, 6).join(':');
  const mapped = ['0:0:0:0:0:ffff', '0:0:0:0:0:0', '64:ff9b:0:0:0:0', '0:0:0:0:ffff:0'].includes(head);
  return mapped ? quad(groups[6], groups[7]) : undefined;
}

// The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 turned into two groups), without leading zeros.
function expand(address: string): string[] | undefined {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/u.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left = '', right] = text.split('::');
  const head = left ? left.split(':') : [];
  const tail = right !== undefined && right ? right.split(':') : [];
  const fill = right === undefined ? 0 : 8 - head.length - tail.length;
  const groups = [...head, ...Array<string>(Math.max(fill, 0)).fill('0'), ...tail].map((g) => parseInt(g || '0', 16).toString(16));
  return groups.length === 8 ? groups : undefined;
}
