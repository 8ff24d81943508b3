// cert-preflight's core as an ES module: the wasm (src/api.rs through src/js_api.rs) initialised
// once, in Node >= 20 (the bytes read with fs: Node's fetch cannot read file: URLs) or in a browser,
// a Worker or a bundler (the module's URL next to this file). Every function is async and takes and
// returns plain JSON-compatible values, with the field names of the command line's JSON.
// Bad material is answered with diagnostics; a misuse throws a CertPreflightError with a `code`.

import init, { analyzeJson, checkJson, buildRequestJson, targetsJson } from './cert_preflight_core.js';

/** A misuse of the interface: `code` is a permanent kebab-case name, `message` says what to do. */
export class CertPreflightError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'CertPreflightError';
    this.code = code;
  }
}

const WASM = 'cert_preflight_core_bg.wasm';
// The most of one file handed to the core: one byte past its ceiling for an input
// (`MAX_INPUT_BYTES` in src/analysis/input.rs, 32 MiB), which tells it the file is too large
// (`input-too-large`) without copying a file given by mistake whole. tests/js checks the two agree.
const READ_LIMIT = 32 * 1024 * 1024 + 1;
let ready;

function isNode() {
  return typeof process !== 'undefined' && process.versions != null && process.versions.node != null
    && typeof window === 'undefined';
}

async function load(source) {
  if (source !== undefined) return init({ module_or_path: await source });
  const url = new URL(WASM, import.meta.url);
  if (isNode() && url.protocol === 'file:') {
    const { readFile } = await import(/* webpackIgnore: true */ 'node:fs/promises');
    return init({ module_or_path: await readFile(url) });
  }
  return init({ module_or_path: url });
}

/**
 * Initialises the module; the functions call it themselves. `source` (optional): the module's
 * bytes, a `Response`, a URL or a `WebAssembly.Module`, for environments that place it elsewhere.
 */
export function initialize(source) {
  if (ready === undefined) {
    ready = load(source).then(() => undefined, (error) => {
      ready = undefined;
      throw error;
    });
  }
  return ready;
}

const STRINGS = ['now', 'passphrase', 'provider', 'region', 'auth', 'accessKeyId', 'secret', 'token',
  'domainId', 'timestamp', 'nonce'];
const ALLOWED = {
  analyze: ['files', 'now', 'passphrase'],
  check: ['provider', 'files', 'now', 'passphrase'],
  buildRequest: ['provider', 'region', 'auth', 'accessKeyId', 'secret', 'token', 'domainId', 'fields',
    'files', 'timestamp', 'nonce', 'passphrase'],
};

function misuse(message) {
  return new CertPreflightError('invalid-request', message);
}

/** An RFC 3339 UTC time without fractions, as the core reads it. */
function utcNow() {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The options as the core reads them (JSON text) and the files' bytes one after the other. */
function encode(name, options) {
  if (options === null || typeof options !== 'object') throw misuse(`${name} takes an options object`);
  const request = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!ALLOWED[name].includes(key)) throw misuse(`${name} has no option ${JSON.stringify(key.slice(0, 40))}`);
    // The value itself is never quoted: it may be a secret.
    if (STRINGS.includes(key) && typeof value !== 'string') throw misuse(`${key} must be a string`);
    if (key !== 'files' && key !== 'fields') request[key] = value;
  }
  if (name !== 'buildRequest' && request.now === undefined) request.now = utcNow();
  if (options.fields !== undefined) {
    const fields = options.fields;
    const pairs = Array.isArray(fields) ? fields : (fields !== null && typeof fields === 'object' ? Object.entries(fields) : null);
    if (pairs === null || !pairs.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string')) {
      throw misuse('fields must be an object { NAME: "value" } or an array of [NAME, "value"] pairs');
    }
    request.fields = pairs;
  }
  if (!Array.isArray(options.files)) throw misuse('files must be an array of { name, data }');
  const encoder = new TextEncoder();
  const chunks = options.files.map((file, index) => {
    if (file === null || typeof file !== 'object' || typeof file.name !== 'string') {
      throw misuse(`files[${index}] must be { name: string, data: Uint8Array | string }`);
    }
    const { data } = file;
    let bytes;
    if (typeof data === 'string') {
      // Each UTF-16 unit is at least one byte of UTF-8: what is past the limit is not encoded.
      bytes = encoder.encode(data.length > READ_LIMIT ? data.slice(0, READ_LIMIT) : data);
    } else if (data instanceof Uint8Array) bytes = data;
    else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else throw misuse(`files[${index}].data must be a Uint8Array, an ArrayBuffer or a string`);
    return bytes.subarray(0, READ_LIMIT);
  });
  request.files = options.files.map((file, index) => ({ name: file.name, size: chunks[index].length }));
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return [JSON.stringify(request), bytes];
}

function call(exported, args) {
  let text;
  try {
    text = exported(...args);
  } catch (error) {
    if (typeof error === 'string') {
      const { code, message } = JSON.parse(error);
      throw new CertPreflightError(code, message);
    }
    throw error;
  }
  return JSON.parse(text);
}

/** What `cert-preflight inspect --json` prints for the same files. */
export async function analyze(options) {
  const args = encode('analyze', options);
  await initialize();
  return call(analyzeJson, args);
}

/** What `cert-preflight check --provider P --json` prints for the same files. */
export async function check(options) {
  const args = encode('check', options);
  await initialize();
  return call(checkJson, args);
}

/** What `cert-preflight request --format json` prints for the same files, fields and credentials. */
export async function buildRequest(options) {
  const args = encode('buildRequest', options);
  await initialize();
  return call(buildRequestJson, args);
}

/** What `cert-preflight targets --json` prints: every target's data. */
export async function targets() {
  await initialize();
  return call(targetsJson, []);
}
