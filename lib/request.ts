// Sends one typed request to the background and turns every failure into a Result. Kept apart
// from lib/messaging.ts (whose zod schemas only the background needs to run) so extension
// pages load no validation code just to ask something.
import type { Envelope, RequestOf, RequestType, ResponseMap, Result } from './messaging';

export type Transport = (message: Envelope) => Promise<unknown>;

/** Sends one request through `transport` (runtime.sendMessage in the extension). */
export async function request<K extends RequestType>(
  transport: Transport,
  type: K,
  body: RequestOf<K>,
): Promise<Result<ResponseMap[K]>> {
  try {
    const answer = (await transport({ type, request: body })) as Result<ResponseMap[K]> | undefined;
    if (!answer || typeof answer !== 'object' || !('ok' in answer)) {
      return { ok: false, error: 'the background did not answer' };
    }
    return answer;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
