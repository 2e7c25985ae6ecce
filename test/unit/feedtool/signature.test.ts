// Detached signatures: what `keygen`/`sign` produce is what the extension's verifier
// (lib/feed/signature.ts, WebCrypto only) accepts, for Ed25519 and ECDSA P-256, and any
// change to the feed bytes is caught with a clear reason.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyDetachedSignature } from '../../../lib/feed/signature';
import { generateEd25519KeyPair, signBytes } from '../../../lib/feedtool/keys';
import { bytes } from './helpers';

// A copy typed over a plain ArrayBuffer, as WebCrypto's BufferSource wants.
const feed = new Uint8Array(bytes('{"format":"constellation-feed","version":1}\n'));

function toBase64(data: ArrayBuffer | Uint8Array): string {
  return Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)).toString('base64');
}

function toPem(der: ArrayBuffer): string {
  const body = toBase64(der).replace(/.{64}/g, '$&\n');
  return `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n`;
}

/** Raw 64-byte r||s → DER SEQUENCE { INTEGER r, INTEGER s }. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const int = (v: Uint8Array) => {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    const trimmed = v.subarray(i);
    const body = trimmed[0]! & 0x80 ? Uint8Array.from([0, ...trimmed]) : trimmed;
    return Uint8Array.from([0x02, body.length, ...body]);
  };
  const r = int(raw.subarray(0, 32));
  const s = int(raw.subarray(32));
  return Uint8Array.from([0x30, r.length + s.length, ...r, ...s]);
}

describe('Ed25519 (keygen + sign)', () => {
  const pair = generateEd25519KeyPair();
  const signed = signBytes(feed, pair.privateKeyPem);

  it('round-trips through the extension verifier', async () => {
    expect(signed).toMatchObject({ ok: true, algorithm: 'Ed25519' });
    if (!signed.ok) return;
    expect(Buffer.from(signed.signature, 'base64')).toHaveLength(64);
    expect(await verifyDetachedSignature(feed, `${signed.signature}\n`, pair.publicKeyPem)).toEqual(
      { ok: true, algorithm: 'Ed25519' },
    );
    // The bare base64 DER of the key works as well as the PEM block.
    const bare = pair.publicKeyPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    expect(await verifyDetachedSignature(feed, signed.signature, bare)).toEqual({
      ok: true,
      algorithm: 'Ed25519',
    });
  });

  it('fails when one byte of the feed changes', async () => {
    if (!signed.ok) throw new Error('signing failed');
    const tampered = feed.slice();
    tampered[10] = tampered[10]! ^ 0x01;
    expect(await verifyDetachedSignature(tampered, signed.signature, pair.publicKeyPem)).toEqual({
      ok: false,
      reason: 'signature does not match the feed bytes',
    });
  });

  it('explains bad inputs', async () => {
    if (!signed.ok) throw new Error('signing failed');
    expect(await verifyDetachedSignature(feed, 'not base64!', pair.publicKeyPem)).toEqual({
      ok: false,
      reason: 'signature is not base64',
    });
    expect(
      await verifyDetachedSignature(feed, toBase64(new Uint8Array(63)), pair.publicKeyPem),
    ).toEqual({
      ok: false,
      reason: 'an Ed25519 signature is 64 bytes; this one is 63',
    });
    expect(await verifyDetachedSignature(feed, signed.signature, pair.privateKeyPem)).toEqual({
      ok: false,
      reason: 'this is a private key; configure the public key (the .pub file) instead',
    });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(await verifyDetachedSignature(feed, signed.signature, rsa)).toEqual({
      ok: false,
      reason: 'public key is not an Ed25519 or P-256 SPKI key',
    });
    const other = generateEd25519KeyPair();
    expect(await verifyDetachedSignature(feed, signed.signature, other.publicKeyPem)).toEqual({
      ok: false,
      reason: 'signature does not match the feed bytes',
    });
  });
});

describe('ECDSA P-256', () => {
  it('verifies raw r||s and DER signatures made with WebCrypto', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ]);
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, feed),
    );
    const pem = toPem(await crypto.subtle.exportKey('spki', pair.publicKey));
    expect(raw).toHaveLength(64);
    expect(await verifyDetachedSignature(feed, toBase64(raw), pem)).toEqual({
      ok: true,
      algorithm: 'ECDSA-P256',
    });
    expect(await verifyDetachedSignature(feed, toBase64(rawToDer(raw)), pem)).toEqual({
      ok: true,
      algorithm: 'ECDSA-P256',
    });
    const tampered = feed.slice();
    tampered[0] = 0x20;
    expect(await verifyDetachedSignature(tampered, toBase64(raw), pem)).toEqual({
      ok: false,
      reason: 'signature does not match the feed bytes',
    });
  });

  it('signs with a P-256 PEM key from elsewhere (e.g. openssl)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const signed = signBytes(feed, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    expect(signed).toMatchObject({ ok: true, algorithm: 'ECDSA-P256' });
    if (!signed.ok) return;
    expect(Buffer.from(signed.signature, 'base64')).toHaveLength(64);
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(await verifyDetachedSignature(feed, signed.signature, pem)).toEqual({
      ok: true,
      algorithm: 'ECDSA-P256',
    });
  });

  it('refuses a key on another curve', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(await verifyDetachedSignature(feed, toBase64(new Uint8Array(64)), p384)).toEqual({
      ok: false,
      reason: 'public key is not an Ed25519 or P-256 SPKI key',
    });
  });
});
