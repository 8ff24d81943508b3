// Types of cert-preflight's JavaScript interface: the values are the command line's JSON
// (`inspect --json`, `check --json`, `request --format json`, `targets --json`), field for field.
// Written once from that JSON and checked against it on the whole vector corpus by
// tests/js/types.test.js (TypeScript, strict, object literals: a field missing here or typed
// otherwise fails). Open sets (key types, formats, codes) are `string`.

/** A file: its name (shown in locations) and its bytes, or text (read as UTF-8). */
export interface FileInput {
  name: string;
  data: Uint8Array | ArrayBuffer | string;
}

export interface AnalyzeOptions {
  files: FileInput[];
  /** The validation time, RFC 3339 UTC (`2026-11-22T00:00:00Z`); the current time when absent. */
  now?: string;
  /** The passphrase of encrypted keys and PKCS#12 files: used to decrypt, never kept or printed. */
  passphrase?: string;
}

export interface CheckOptions extends AnalyzeOptions {
  /** A target's ID (`targets()`), such as `alibaba-cas` or `huawei-elb`. */
  provider: string;
}

export interface BuildRequestOptions {
  provider: string;
  region: string;
  /** The command line's `--auth` names: `v2`, `acs3` (Alibaba), `aksk`, `token` (Huawei). */
  auth: 'v2' | 'acs3' | 'aksk' | 'token';
  accessKeyId?: string;
  /** The access key secret: used to sign, never in the result or an error. */
  secret?: string;
  /**
   * For `auth: "token"`: the NAME of the environment variable that will hold the IAM token when the
   * generated command runs (the command line's `--token-env`). The token itself never enters.
   */
  token?: string;
  /** The account ID (`X-Domain-Id`) of account-level Huawei services. */
  domainId?: string;
  /** The target's fields by the names `--field NAME=VALUE` takes; PEM fields hold the PEM text. */
  fields?: Record<string, string> | Array<[string, string]>;
  files: FileInput[];
  /** The signing (and validation) time, RFC 3339 UTC. */
  timestamp: string;
  /** The request's nonce (a UUID for Alibaba RPC V2). */
  nonce: string;
  passphrase?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  /** The input's name; for a request field `"field NAME"`; else what the finding is about. */
  file: string;
  block?: number;
  line?: number;
  /** What the location is: a place in an input, a request field, the material as a whole, the
   *  credentials, or the target. */
  kind: "input" | "field" | "material" | "credentials" | "target";
  /** The request field's name, when `kind` is `"field"`. */
  field?: string;
}

export interface Diagnostic {
  /** A permanent kebab-case code (`cert-preflight` documents each). */
  code: string;
  severity: Severity;
  location: Location;
  message: string;
  /** How to fix it. */
  hint: string;
  /** The error the target's API answers with, where known. */
  provider_error?: string;
}

export interface InputSummary {
  file: string;
  kind: 'text' | 'binary' | 'empty';
  /** 'pem', 'der', 'ber' (a PKCS#12 or PKCS#7 file in BER), 'zip', 'jks' or 'jceks' (a Java keystore), or 'unknown'. */
  format: string;
  line_endings: string;
  blocks: number;
}

export interface PublicKeySummary {
  type: string;
  bits: number;
  curve: string | null;
}

export interface SubjectAltName {
  type: string;
  value: string;
  unicode?: string;
  kind?: string;
}

export interface CertificateSummary {
  index: number;
  file: string;
  block: number;
  line: number | null;
  subject: string;
  issuer: string;
  /** The subject's first commonName; null when it has none (an empty subject, the names in `sans`). */
  common_name: string | null;
  sans: SubjectAltName[];
  serial_hex: string;
  not_before: string;
  not_after: string;
  sha1: string;
  sha256: string;
  signature_algorithm: string;
  signature_algorithm_oid: string;
  public_key: PublicKeySummary;
  is_ca: boolean;
  path_len: number | null;
  key_usage: string[];
  extended_key_usage: string[];
  extended_key_usage_oids: string[];
  ski: string | null;
  aki: string | null;
  self_issued: boolean;
  self_signed: boolean;
  expiry: 'valid' | 'expired' | 'not_yet_valid';
  days_until_expiry: number;
  der_size: number;
  canonical_pem_size: number;
}

export interface ChainReport {
  verdict: 'ordered' | 'reorderable' | 'broken' | 'empty';
  order: number[];
  duplicates: Array<{ index: number; duplicate_of: number }>;
  not_on_path: number[];
  missing_issuer: { certificate: number; name: string; aki: string | null } | null;
  root_included: boolean;
  signatures: Array<{ subject_index: number; issuer_index: number; verified: boolean }>;
  signatures_checked: number;
}

export interface PrivateKeySummary {
  index: number;
  file: string;
  block: number;
  format: string;
  encrypted: boolean;
  decrypted: boolean;
  type: string | null;
  bits: number | null;
  curve: string | null;
  /** The public key (hex), never the private one. */
  public_key?: string;
  /** A PKCS#12 key's alias (its bag's friendlyName), when the file names its entries. */
  alias?: string;
  matches_leaf: boolean | null;
  matches_certificate: number | null;
  matches_certificates: number[];
}

export interface CsrSummary {
  index: number;
  file: string;
  block: number;
  subject: string;
  public_key: PublicKeySummary;
  signature_valid: boolean;
  matches_leaf: boolean | null;
  matches_certificates: number[];
  matches_private_key: boolean | null;
  matches_private_keys: number[];
}

/** `analyze`: what `cert-preflight inspect --json` prints. */
export interface Report {
  inputs: InputSummary[];
  certificates: CertificateSummary[];
  chain: ChainReport;
  private_key: PrivateKeySummary | null;
  private_keys: PrivateKeySummary[];
  csr: CsrSummary | null;
  csrs: CsrSummary[];
  diagnostics: Diagnostic[];
}

export interface Source {
  kind: 'primary' | 'secondary';
  document: string;
  url: string;
  as_of: string;
}

export interface Rule {
  id: string;
  statement: string;
  /** Whether breaking it blocks the request (an error) rather than warns. */
  blocks: boolean;
  sources: Source[];
  provider_error?: string;
  disagreement?: string;
}

export interface Legacy {
  note: string;
  successor: string;
  rule: Rule;
}

export interface Fixes {
  bundle: {
    order: number[];
    changes: string[];
    before: string;
    after: string;
    certificate: string;
    chain: string;
  } | null;
  key: { from: string; to: string; reason: string } | null;
}

/** `check`: the report, with the target's findings in `diagnostics` and its section. */
export interface CheckReport extends Report {
  provider: {
    id: string;
    api: string;
    version: string;
    legacy: Legacy | null;
    /** The target's own findings (also in the report's `diagnostics`). */
    diagnostics: Diagnostic[];
    fixes: Fixes;
    rules: Rule[];
  };
}

export interface Call {
  style: 'rpc' | 'rest';
  host: string;
  action?: string;
  version?: string;
  parameters?: Array<[string, string]>;
  path?: string;
  headers?: Array<[string, string]>;
  body?: string;
  project_id?: string | null;
}

/** The signed request in every form people copy; no secret (signatures only). */
export interface SignedRequest {
  auth: string;
  method: string;
  url: string;
  url_length: number;
  headers: Array<[string, string]>;
  body: string;
  body_sha256: string;
  stages: Array<{ name: string; value: string }>;
  signed_at: string;
  expires_at: string | null;
  curl: string;
  http: string;
  vendor_cli: string | null;
  iam_token: string | null;
}

/** `buildRequest`: what `cert-preflight request --format json` prints. */
export interface RequestResult {
  provider: string;
  region: string;
  auth: string;
  diagnostics: Diagnostic[];
  fixes: Fixes;
  /** The unsigned call; null when an error blocks it. */
  call: Call | null;
  /** The signed request; null when an error blocks it. */
  request: SignedRequest | null;
  /** What to paste into each field of the target's web console; absent when an error blocks the call. */
  console?: ConsoleView;
}

/** One field of a target's web console form and the exact text to paste into it. */
export interface ConsoleField {
  label: string;
  label_zh: string;
  /** What fills it: `certificate`, `certificate_with_chain`, `chain`, `private_key` or `field:NAME`. */
  fill: string;
  /** The text to paste; null when the field stays empty. */
  text: string | null;
  pitfalls: string[];
  pitfalls_zh: string[];
}

/** The console path: where the form is and its fields in the console's order. */
export interface ConsoleView {
  menu: string;
  menu_zh: string;
  fields: ConsoleField[];
}

export interface FieldRule {
  name: string;
  help: string;
  input: 'line' | 'pem';
  required: boolean;
  min_chars: number;
  max_chars: number | null;
  shape: { kind: string; description?: string; values?: string[] };
  only_when: { field: string; equals: string[]; default: string; otherwise: string } | null;
  rule: Rule;
}

/** `targets`: one entry per target, what `cert-preflight targets --json` prints. */
export interface Target {
  id: string;
  title: string;
  api: string;
  version: string;
  vendor_cli: string;
  default_region: string;
  regions: Array<{ id: string; name_en: string; name_zh: string; host: string }>;
  schemes: Array<'v2' | 'acs3' | 'aksk' | 'token'>;
  auth_scope: { kind: string; field?: string };
  fields: FieldRule[];
  numbered: Array<{
    stem: string;
    max: number;
    parts: Array<{ name: string; help: string; rule: Rule }>;
    count_rule: Rule;
    first_missing_error: string | null;
  }>;
  material: Array<{
    role: string;
    parameter?: string;
    with_chain?: boolean;
    encoding?: string;
    certificate?: string;
    key?: string;
    whose?: string;
  }>;
  rules: Rule[];
  errors: Array<{ code: string; meaning: string }>;
  analysis_errors: Array<[string, string]>;
  legacy: Legacy | null;
  /** The action a RAM or IAM user's policy must allow, where the API's page names one. */
  permission: { action: string; system: string; source: Source } | null;
  /** The members of the success answer that repeat a private key sent (printed masked). */
  key_echo: { members: string[]; rule: string } | null;
}

/** A misuse of the interface (never bad material, which gives diagnostics). */
export class CertPreflightError extends Error {
  readonly name: 'CertPreflightError';
  /**
   * `invalid-request`, `missing-files`, `missing-provider`, `unknown-provider`, `missing-region`,
   * `unknown-auth`, `missing-access-key-id`, `missing-secret`, `missing-token`, `invalid-token`,
   * `invalid-time`, `invalid-nonce` or `invalid-field`.
   */
  readonly code: string;
}

/** Initialises the module (the functions do it themselves); `source` places the .wasm elsewhere. */
export function initialize(
  source?: BufferSource | Response | URL | string | WebAssembly.Module | Promise<Response>,
): Promise<void>;
export function analyze(options: AnalyzeOptions): Promise<Report>;
export function check(options: CheckOptions): Promise<CheckReport>;
export function buildRequest(options: BuildRequestOptions): Promise<RequestResult>;
export function targets(): Promise<Target[]>;
