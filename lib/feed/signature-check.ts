// The signature step of a sync: fetch `<url>.sig` and verify it over the document's bytes
// (or, for a `.json.gz` file, over the bytes as served). Missing or bad → a reason to refuse;
// the host asking for a pause (429, Retry-After) → a reason to wait.
import {
  asksToWait,
  DEFAULT_LIMITS,
  fetchSignature,
  type FetchLike,
  type FetchLimits,
} from './fetch';
import { verifyDetachedSignature } from './signature';

export interface SignatureDeps {
  fetch: FetchLike;
  limits?: FetchLimits;
  now?: () => number;
}

export async function checkSignature(
  deps: SignatureDeps,
  url: string,
  publicKey: string,
  fetched: { bytes: Uint8Array; servedBytes?: Uint8Array },
): Promise<
  | { ok: true; algorithm: string }
  | { ok: false; reason: string; wait?: { status: number; message: string; retryAfterMs?: number } }
> {
  const sig = await fetchSignature(deps.fetch, url, deps.limits ?? DEFAULT_LIMITS, deps.now);
  if (!sig.ok) {
    const reason = `signature required but ${sig.message}`;
    // The host asking for a pause says nothing against the document: wait, do not refuse.
    if (sig.status !== undefined && asksToWait(sig))
      return {
        ok: false,
        reason,
        wait: {
          status: sig.status,
          message: sig.message,
          ...(sig.retryAfterMs !== undefined ? { retryAfterMs: sig.retryAfterMs } : {}),
        },
      };
    return { ok: false, reason };
  }
  const verdict = await verifyDetachedSignature(fetched.bytes, sig.text, publicKey);
  if (verdict.ok) return verdict;
  // A `.json.gz` file may be signed as served (compressed) rather than as JSON.
  if (fetched.servedBytes) {
    const served = await verifyDetachedSignature(fetched.servedBytes, sig.text, publicKey);
    if (served.ok) return served;
  }
  return { ok: false, reason: `bad signature: ${verdict.reason}` };
}
