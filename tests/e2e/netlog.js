// Chromium's net log (written by --log-net-log, browser.js) read for traffic off loopback: the
// proof that the page talks to nobody.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withTimeout } from './server.js';

/**
 * Reads a Chromium net log written by --log-net-log (after the browser closed). Returns
 * - `dns`: host lookups of any name but loopback that were not refused locally by the
 *   --host-resolver-rules map (which rewrites them to `~notfound`), and every real DNS task;
 * - `connections`: TCP connection attempts to any address off loopback, and any byte sent on a UDP
 *   socket aimed off loopback;
 * - `pageRequests`: URL requests initiated by a loopback page (ours) to any other origin;
 * - `browserRequests`: Chromium's own background URL requests (informational: they end at the
 *   resolver map, before any DNS query or connection, and are not the page's).
 */
export function offLoopbackTraffic(netLogPath) {
  let text = readFileSync(netLogPath, 'utf8').trim();
  // Chromium may leave the events array unterminated if it is killed; close it.
  if (!text.endsWith('}')) text = text.replace(/,\s*$/, '') + ']}';
  const log = JSON.parse(text);
  const typeNames = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([k, v]) => [v, k]));
  const loopback = (host) => /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)(:\d+)?$/.test(host);
  const hostOf = (value) => value.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  const result = { dns: [], connections: [], pageRequests: [], browserRequests: [], events: log.events.length };
  // UDP sockets connect()ed off loopback. Chromium's resolver connects one to 2001:4860:4860::8888
  // to learn whether IPv6 is routable (HOST_RESOLVER_MANAGER_IPV6_REACHABILITY_CHECK): connect() on a
  // UDP socket sends nothing, so only a datagram actually sent on such a socket counts.
  const udpOffLoopback = new Map();
  for (const event of log.events) {
    const type = typeNames[event.type] ?? String(event.type);
    const p = event.params ?? {};
    if (type.startsWith('HOST_RESOLVER') && typeof p.host === 'string') {
      const host = hostOf(p.host);
      if (!loopback(host) && !host.startsWith('~notfound')) result.dns.push(`${type} ${p.host}`);
    }
    if (type.startsWith('HOST_RESOLVER_DNS_TASK') || type.startsWith('DNS_TRANSACTION')) {
      result.dns.push(`${type} ${JSON.stringify(p)}`);
    }
    if (/^(TCP_CONNECT|UDP_CONNECT|SOCKET_CONNECT)/.test(type) && typeof p.address === 'string') {
      if (loopback(p.address)) continue;
      if (type === 'TCP_CONNECT' || type === 'TCP_CONNECT_ATTEMPT') result.connections.push(`${type} ${p.address}`);
      else udpOffLoopback.set(event.source.id, p.address);
    }
    if (/BYTES_SENT/.test(type) && udpOffLoopback.has(event.source.id)) {
      result.connections.push(`${type} to ${udpOffLoopback.get(event.source.id)}`);
    }
    if (type === 'URL_REQUEST_START_JOB' && typeof p.url === 'string') {
      const url = new URL(p.url);
      if (['data:', 'blob:', 'chrome:', 'about:'].includes(url.protocol) || loopback(url.host)) continue;
      const initiator = typeof p.initiator === 'string' ? hostOf(p.initiator) : '';
      (loopback(initiator) ? result.pageRequests : result.browserRequests).push(`${p.url} (initiator ${p.initiator ?? 'none'})`);
    }
  }
  return result;
}

/**
 * Closes `browser` (which flushes its net log) and asserts that the log shows no DNS query, no
 * connection off loopback and no page request off loopback; returns what was found, for more checks.
 */
/**
 * The last test of a file: closes the file's browser (flushing the net log of every test before)
 * and asserts its log shows no traffic off loopback; returns what it read.
 */
export async function assertSuiteStayedOnLoopback(suite) {
  const closing = suite.browser;
  suite.browser = null;
  return assertNoTrafficOffLoopback(closing, suite.netLog);
}

export async function assertNoTrafficOffLoopback(browser, netLogPath) {
  await withTimeout(browser.close(), 20_000, 'closing Chromium');
  const traffic = offLoopbackTraffic(netLogPath);
  assert.ok(traffic.events > 100, `the net log has events (${traffic.events})`);
  assert.deepEqual(traffic.dns, [], 'no DNS query');
  assert.deepEqual(traffic.connections, [], 'no connection off loopback');
  assert.deepEqual(traffic.pageRequests, [], 'the page asked for nothing off loopback');
  return traffic;
}

