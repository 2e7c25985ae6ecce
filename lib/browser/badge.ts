// The icon badge adapter: a short text and colour on the toolbar icon, and its tooltip.
import { browser } from 'wxt/browser';
import type { BadgeState } from '../background/sync-service';

export async function showBadge(state: BadgeState): Promise<void> {
  // MV3 Chrome has `action`; Firefox MV2 builds would have `browserAction`.
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  await action.setBadgeText({ text: state.text });
  if (state.text) await action.setBadgeBackgroundColor({ color: state.color });
  await action.setTitle({ title: state.title });
}
