// The verification routes, timed in a module Worker (bench/README.md, "Issue 16"): the issuer links
// of bundle1000.pem (RSA-2048), links-p256.pem (ECDSA P-256) and links-ed25519.pem (Ed25519), 1,000
// each, verified
//   wasm_cached         by the core in wasm (public_key::verify_with), one Signer per issuer, as the analysis does
//   wasm_per_link       the same with the issuer's key decoded for every link
//   webcrypto_cached    by crypto.subtle.verify, one after the other, each issuer's key imported once
//   webcrypto_per_link  the same with crypto.subtle.importKey for every link
//   webcrypto_parallel  every verify started at once (Promise.all), keys imported once
// The links come from the same module (links_export: the issuer's SubjectPublicKeyInfo, the
// TBSCertificate, the signature; ECDSA as r || s, which WebCrypto takes). Parsing is not timed.
// Each case: one warm-up run, then SAMPLES runs; the median and the fastest are reported.
import init, { links_prepare, links_verify, links_export } from './pkg/cert_preflight_bench_wasm.js';

const INPUTS = { rsa2048: '../data/bundle1000.pem', p256: '../data/links-p256.pem', ed25519: '../data/links-ed25519.pem' };
const ALGORITHMS = {
  1: { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, verify: { name: 'RSASSA-PKCS1-v1_5' } },
  2: { key: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
  3: { key: { name: 'Ed25519' }, verify: { name: 'Ed25519' } },
};

function records(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const links = [];
  let at = 0;
  const field = () => {
    const length = view.getUint32(at, true);
    const value = bytes.slice(at + 4, at + 4 + length);
    at += 4 + length;
    return value;
  };
  while (at < bytes.length) {
    const kind = bytes[at];
    const issuer = view.getUint32(at + 1, true);
    at += 5;
    links.push({ kind, issuer, spki: field(), tbs: field(), signature: field() });
  }
  return links;
}

async function webcrypto(links, { cached, parallel }) {
  const keys = new Map();
  const key = (link) => {
    const make = () => crypto.subtle.importKey('spki', link.spki, ALGORITHMS[link.kind].key, false, ['verify']);
    if (!cached) return make();
    if (!keys.has(link.issuer)) keys.set(link.issuer, make());
    return keys.get(link.issuer);
  };
  const one = async (link) => crypto.subtle.verify(ALGORITHMS[link.kind].verify, await key(link), link.signature, link.tbs);
  if (parallel) return (await Promise.all(links.map(one))).filter(Boolean).length;
  let verified = 0;
  for (const link of links) if (await one(link)) verified += 1;
  return verified;
}

async function time(name, run, samples) {
  let verified = await run();
  const times = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    verified = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { name, verified, samples, median_ms: times[Math.floor(times.length / 2)], min_ms: times[0], max_ms: times[times.length - 1] };
  self.postMessage({ result });
}

self.onmessage = async ({ data }) => {
  try {
    await init();
    const samples = data.quick ? 1 : 7;
    for (const [input, url] of Object.entries(INPUTS)) {
      const bytes = new Uint8Array(await (await fetch(url, { cache: 'no-store' })).arrayBuffer());
      const count = links_prepare(bytes);
      const links = records(links_export());
      if (links.length !== count || links.some((l) => !ALGORITHMS[l.kind])) throw new Error(`${input}: ${count} links, ${links.length} exported`);
      await time(`${input}_wasm_cached`, async () => links_verify(true), samples);
      await time(`${input}_wasm_per_link`, async () => links_verify(false), samples);
      await time(`${input}_webcrypto_cached`, () => webcrypto(links, { cached: true, parallel: false }), samples);
      await time(`${input}_webcrypto_per_link`, () => webcrypto(links, { cached: false, parallel: false }), samples);
      await time(`${input}_webcrypto_parallel`, () => webcrypto(links, { cached: true, parallel: true }), samples);
    }
    self.postMessage({ done: true });
  } catch (error) {
    self.postMessage({ error: String(error && error.stack || error) });
  }
};
