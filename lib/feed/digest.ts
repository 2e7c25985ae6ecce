// SHA-256 of a feed body (WebCrypto, native speed): identifies the document a pending
// generation is writing, so a resumed sync knows it is writing the same one.
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  let out = '';
  for (const byte of digest) out += byte.toString(16).padStart(2, '0');
  return out;
}
