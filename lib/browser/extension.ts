// The small, named adapter between lib/ and the extension APIs (webextension-polyfill):
// message transport, settings storage and the bundled demo file. Everything else in lib/
// stays free of browser.* so it runs in plain Node tests.
import { browser } from 'wxt/browser';
import type { Envelope, RequestOf, RequestType, ResponseMap, Result } from '../messaging';
import { request } from '../request';
import { parseSettings, type Settings } from '../settings';

const SETTINGS_KEY = 'settings';

export function sendRequest<K extends RequestType>(
  type: K,
  body: RequestOf<K>,
): Promise<Result<ResponseMap[K]>> {
  return request((message: Envelope) => browser.runtime.sendMessage(message), type, body);
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Changes some settings, keeping the rest as stored now (not as some page last read them). */
export async function updateSettings(patch: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await saveSettings(next);
  return next;
}

/** A file bundled with the extension, by its path from the extension's root. */
export async function readBundled(path: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!response.ok) throw new Error(`${path} is not bundled (HTTP ${response.status})`);
  return response.text();
}

/** The bundled demo organisation (public/demo-feed.json). */
export function loadBundledDemo(): Promise<string> {
  return readBundled('demo-feed.json');
}
