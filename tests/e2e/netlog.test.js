// The net-log reader must be able to fail: fed a synthetic log with each kind of leak, it reports it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { offLoopbackTraffic } from './netlog.js';

function logFile(events) {
  const types = {
    HOST_RESOLVER_MANAGER_REQUEST: 1, HOST_RESOLVER_DNS_TASK: 2, TCP_CONNECT_ATTEMPT: 3,
    UDP_CONNECT: 4, UDP_BYTES_SENT: 5, URL_REQUEST_START_JOB: 6,
  };
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'netlog-')), 'log.json');
  const body = events.map(([type, id, params]) => ({ type: types[type], source: { id, type: 0 }, params }));
  // Written unterminated on purpose, as Chromium leaves it when killed.
  writeFileSync(file, JSON.stringify({ constants: { logEventTypes: types }, events: body }).replace(/\]\}$/, ','));
  return file;
}

test('a quiet log has no offenders', () => {
  const result = offLoopbackTraffic(logFile([
    ['HOST_RESOLVER_MANAGER_REQUEST', 1, { host: 'https://~notfound' }],
    ['TCP_CONNECT_ATTEMPT', 2, { address: '127.0.0.1:8080' }],
    ['UDP_CONNECT', 3, { address: '[2001:4860:4860::8888]:443' }],
    ['URL_REQUEST_START_JOB', 4, { url: 'http://127.0.0.1:8080/app.wasm', initiator: 'http://127.0.0.1:8080' }],
  ]));
  assert.deepEqual([result.dns, result.connections, result.pageRequests], [[], [], []]);
});

test('each kind of leak is reported', () => {
  const result = offLoopbackTraffic(logFile([
    ['HOST_RESOLVER_MANAGER_REQUEST', 1, { host: 'https://example.com' }],
    ['HOST_RESOLVER_DNS_TASK', 1, {}],
    ['TCP_CONNECT_ATTEMPT', 2, { address: '93.184.216.34:443' }],
    ['UDP_CONNECT', 3, { address: '8.8.8.8:53' }],
    ['UDP_BYTES_SENT', 3, { byte_count: 40 }],
    ['URL_REQUEST_START_JOB', 4, { url: 'https://evil.example/x', initiator: 'http://127.0.0.1:8080' }],
  ]));
  assert.equal(result.dns.length, 2);
  assert.equal(result.connections.length, 2);
  assert.equal(result.pageRequests.length, 1);
});
