// Verifying a feed's detached signature, shared by the extension's background and the feed
// tooling. WebCrypto only (crypto.subtle, in Chromium, Firefox and Node 20): no node: imports.
// Format (docs/feed-tooling.md, "Signatures"): `<feed url>.sig` holds the base64 of the raw
// signature over the exact feed bytes; Ed25519 signatures are 64 bytes, ECDSA P-256 with
// SHA-256 signatures are 64-byte r||s (DER is accepted too). The public key is a PEM
// "PUBLIC KEY" (SPKI) block or its bare base64 DER; the algorithm comes from the SPKI's
// algorithm identifier, never from the signature file, so a feed cannot choose it.

export type SignatureAlgorithm = 'Ed25519' | 'ECDSA-P256';

export type SignatureVerification =
  { ok: true; algorithm: SignatureAlgorithm } | { ok: false; reason: string };

const OID_ED25519 = '2b6570'; // 1.3.101.112
const OID_EC_PUBLIC_KEY = '2a8648ce3d0201'; // 1.2.840.10045.2.1
const OID_P256 = '2a8648ce3d030107'; // 1.2.840.10045.3.1.7 (prime256v1)

export async function verifyDetachedSignature(
  bytes: Uint8Array,
  signatureText: string,
  publicKeyText: string,
): Promise<SignatureVerification> {
  const signature = decodeBase64(signatureText);
  if (!signature || signature.length === 0) return { ok: false, reason: 'signature is not base64' };
  const key = parsePublicKey(publicKeyText);
  if ('reason' in key) return { ok: false, reason: key.reason };

  let raw: Uint8Array<ArrayBuffer> | null = signature;
  if (key.algorithm === 'Ed25519' && signature.length !== 64) {
    return {
      ok: false,
      reason: `an Ed25519 signature is 64 bytes; this one is ${signature.length}`,
    };
  }
  if (key.algorithm === 'ECDSA-P256' && signature.length !== 64) {
    raw = ecdsaDerToRaw(signature);
    if (!raw)
      return {
        ok: false,
        reason: 'a P-256 signature is 64 bytes (r||s) or DER; this one is neither',
      };
  }
  const params =
    key.algorithm === 'Ed25519'
      ? { importWith: { name: 'Ed25519' }, verifyWith: { name: 'Ed25519' } }
      : {
          importWith: { name: 'ECDSA', namedCurve: 'P-256' },
          verifyWith: { name: 'ECDSA', hash: 'SHA-256' },
        };
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = await crypto.subtle.importKey('spki', key.der, params.importWith, false, [
      'verify',
    ]);
  } catch (error) {
    if (error instanceof Error && error.name === 'NotSupportedError') {
      return { ok: false, reason: `this browser does not support ${key.algorithm} signatures` };
    }
    return { ok: false, reason: `public key could not be imported (${describe(error)})` };
  }
  let valid: boolean;
  try {
    valid = await crypto.subtle.verify(params.verifyWith, cryptoKey, raw, new Uint8Array(bytes));
  } catch (error) {
    return { ok: false, reason: `signature could not be checked (${describe(error)})` };
  }
  return valid
    ? { ok: true, algorithm: key.algorithm }
    : { ok: false, reason: 'signature does not match the feed bytes' };
}

type ParsedKey =
  { algorithm: SignatureAlgorithm; der: Uint8Array<ArrayBuffer> } | { reason: string };

function parsePublicKey(text: string): ParsedKey {
  const notKey = { reason: 'public key is not an Ed25519 or P-256 SPKI key' };
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    return { reason: 'this is a private key; configure the public key (the .pub file) instead' };
  }
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(text);
  const der = decodeBase64(pem ? pem[1]! : text);
  if (!der) return notKey;
  // SubjectPublicKeyInfo ::= SEQUENCE { SEQUENCE { algorithm OID, parameters ANY }, BIT STRING }
  const spki = readTlv(der, 0);
  if (!spki || spki.tag !== 0x30 || spki.end !== der.length) return notKey;
  const algorithmId = readTlv(der, spki.start);
  if (!algorithmId || algorithmId.tag !== 0x30) return notKey;
  const oid = readTlv(der, algorithmId.start);
  if (!oid || oid.tag !== 0x06) return notKey;
  const oidHex = hex(der.subarray(oid.start, oid.end));
  if (oidHex === OID_ED25519) return { algorithm: 'Ed25519', der };
  if (oidHex === OID_EC_PUBLIC_KEY) {
    const curve = readTlv(der, oid.end);
    if (curve && curve.tag === 0x06 && hex(der.subarray(curve.start, curve.end)) === OID_P256) {
      return { algorithm: 'ECDSA-P256', der };
    }
  }
  return notKey;
}

/** One DER tag-length-value at `offset`: content spans [start, end). Null if malformed. */
function readTlv(
  der: Uint8Array,
  offset: number,
): { tag: number; start: number; end: number } | null {
  if (offset + 2 > der.length) return null;
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 3 || start + octets > der.length) return null;
    length = 0;
    for (let i = 0; i < octets; i++) length = (length << 8) | der[start + i]!;
    start += octets;
  }
  const end = start + length;
  return end > der.length ? null : { tag, start, end };
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → 64-byte r||s, as WebCrypto expects. */
function ecdsaDerToRaw(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const seq = readTlv(der, 0);
  if (!seq || seq.tag !== 0x30 || seq.end !== der.length) return null;
  const r = readTlv(der, seq.start);
  const s = r && readTlv(der, r.end);
  if (!r || !s || r.tag !== 0x02 || s.tag !== 0x02 || s.end !== seq.end) return null;
  const out = new Uint8Array(64);
  for (const [i, int] of [r, s].entries()) {
    let value = der.subarray(int.start, int.end);
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return null;
    out.set(value, i * 32 + (32 - value.length));
  }
  return out;
}

/** Standard or URL-safe base64, white space ignored; null when it is not base64. */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  let clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  if (!clean.includes('=')) clean += '='.repeat((4 - (clean.length % 4)) % 4);
  if (clean.length % 4 !== 0) return null;
  let binary: string;
  try {
    binary = atob(clean);
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
