// The signature step of a sync: fetch `<url>.sig` and verify it over the document's bytes
// (or, for a `.json.gz` file, over the bytes as served). Missing or bad → a reason to refuse;
// the host asking for a pause (429, or 503 with a Retry-After) → a reason to wait.
import {
  DEFAULT_LIMITS,
  fetchSignature,
  pauseAsked,
  type FetchLike,
  type FetchLimits,
  type Pause,
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
): Promise<{ ok: true; algorithm: string } | { ok: false; reason: string; wait?: Pause }> {
  const sig = await fetchSignature(deps.fetch, url, deps.limits ?? DEFAULT_LIMITS, deps.now);
  if (!sig.ok) {
    // The host asking for a pause says nothing against the document: wait, do not refuse.
    const wait = pauseAsked(sig);
    return {
      ok: false,
      reason: `signature required but ${sig.message}`,
      ...(wait ? { wait } : {}),
    };
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
