// The handshake between the content script and the lazily loaded hovercard chunk: the chunk
// stores its factory under this key on the isolated world's global object.
import type { HovercardUiFactory } from './hovercard-controller';

export const HOVERCARD_FACTORY_KEY = '__constellationHovercardUi';

/** Imports the chunk at `url` (once) and returns its factory. */
export async function importHovercardUi(url: string): Promise<HovercardUiFactory> {
  const global = globalThis as unknown as Record<string, HovercardUiFactory | undefined>;
  if (!global[HOVERCARD_FACTORY_KEY]) await import(/* @vite-ignore */ url);
  const factory = global[HOVERCARD_FACTORY_KEY];
  if (!factory) throw new Error('the hovercard chunk did not load');
  return factory;
}
