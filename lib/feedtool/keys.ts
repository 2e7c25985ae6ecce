// Signing keys for feeds (Node only; the extension verifies with lib/feed/signature.ts,
// WebCrypto only). `keygen` makes an Ed25519 pair: the private key as PKCS#8 PEM (file
// mode 0600), the public key as SPKI PEM for the extension's feed settings. `sign` writes
// the base64 of the raw signature over the exact bytes of the feed file; P-256 keys made
// elsewhere (e.g. openssl, a KMS export) are accepted too and sign as 64-byte r||s.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as nodeSign,
  type KeyObject,
} from 'node:crypto';

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

export function generateEd25519KeyPair(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export type SignResult =
  | { ok: true; signature: string; algorithm: 'Ed25519' | 'ECDSA-P256'; publicKeyPem: string }
  | { ok: false; reason: string };

/** Signs `bytes` with a PEM private key; `signature` is base64 of the raw signature. */
export function signBytes(bytes: Uint8Array, privateKeyPem: string): SignResult {
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    return {
      ok: false,
      reason: 'the key file is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----")',
    };
  }
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  if (key.asymmetricKeyType === 'ed25519') {
    return {
      ok: true,
      algorithm: 'Ed25519',
      signature: nodeSign(null, bytes, key).toString('base64'),
      publicKeyPem,
    };
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    const signature = nodeSign('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }).toString(
      'base64',
    );
    return { ok: true, algorithm: 'ECDSA-P256', signature, publicKeyPem };
  }
  return {
    ok: false,
    reason: `unsupported key type ${key.asymmetricKeyType ?? 'unknown'}; use Ed25519 (keygen) or ECDSA P-256`,
  };
}
