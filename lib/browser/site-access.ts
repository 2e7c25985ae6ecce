// Per-site access, the only place that touches permissions and scripting for annotation:
// a site the user enables gets an optional host permission (asked on their click) and a
// content script registered at run time for that site; disabling unregisters the script and
// gives the permission back. Registrations are reconciled with granted permissions on every
// background start (the user may revoke a site in chrome://extensions at any time).
import { browser } from 'wxt/browser';
import { PAGE_SUMMARY_MESSAGE } from './content-client';
import type { PageSummary } from '../annotate/summary';
import { SITE_SETTINGS_KEY, parseSiteSettings, type SiteSetting } from '../sites/site-settings';
import { isStaticHost, sitePattern } from '../sites/static-hosts';
import type { SiteId } from '../sites/types';

/** The built content script (WXT's name for entrypoints/content/index.ts). */
const CONTENT_SCRIPT_FILE = 'content-scripts/content.js' as const;

const SCRIPT_ID_PREFIX = 'constellation-site:';

function scriptId(pattern: string): string {
  return `${SCRIPT_ID_PREFIX}${pattern}`;
}

export async function loadSiteSettings(): Promise<SiteSetting[]> {
  return parseSiteSettings((await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY]);
}

async function saveSiteSettings(settings: SiteSetting[]): Promise<void> {
  await browser.storage.local.set({ [SITE_SETTINGS_KEY]: settings });
}

async function register(pattern: string): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [scriptId(pattern)],
  });
  if (existing.length > 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: scriptId(pattern),
      matches: [pattern],
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

async function unregister(pattern: string): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [scriptId(pattern)],
  });
  if (existing.length > 0)
    await browser.scripting.unregisterContentScripts({ ids: [scriptId(pattern)] });
}

/**
 * Enables annotation on the site of `url`. Must run in a click handler: the permission
 * prompt needs the user's gesture, so it is the first await. Injects into `tabId` at once
 * so the page the user is looking at is annotated without a reload.
 */
export async function enableSite(url: string, tabId?: number): Promise<'enabled' | 'denied'> {
  const pattern = sitePattern(new URL(url));
  if (!pattern) throw new Error(`cannot enable ${url}: only http and https pages`);
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted) return 'denied';
  await register(pattern);
  const settings = (await loadSiteSettings()).filter((s) => s.pattern !== pattern);
  settings.push({ pattern, adapter: 'auto', enabledAt: new Date().toISOString() });
  await saveSiteSettings(settings);
  if (tabId !== undefined) {
    await browser.scripting
      .executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}` as const] })
      .catch(() => undefined);
  }
  return 'enabled';
}

export async function disableSite(pattern: string): Promise<void> {
  await unregister(pattern);
  await saveSiteSettings((await loadSiteSettings()).filter((s) => s.pattern !== pattern));
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}

export async function chooseAdapter(pattern: string, adapter: SiteId | 'auto'): Promise<void> {
  const settings = await loadSiteSettings();
  await saveSiteSettings(settings.map((s) => (s.pattern === pattern ? { ...s, adapter } : s)));
}

/**
 * On every background start: keep registered scripts exactly for the enabled sites whose
 * permission is still granted; forget sites whose permission was revoked.
 */
export async function reconcileSiteScripts(): Promise<void> {
  const settings = await loadSiteSettings();
  const kept: SiteSetting[] = [];
  for (const setting of settings) {
    if (await browser.permissions.contains({ origins: [setting.pattern] })) {
      await register(setting.pattern);
      kept.push(setting);
    } else {
      await unregister(setting.pattern);
    }
  }
  const wanted = new Set(kept.map((s) => scriptId(s.pattern)));
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered
    .map((s) => s.id)
    .filter((id) => id.startsWith(SCRIPT_ID_PREFIX) && !wanted.has(id));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (kept.length !== settings.length) await saveSiteSettings(kept);
}

/** Forget a site whose permission the user removed elsewhere (chrome://extensions). */
export function onSitePermissionRemoved(listener: () => void): void {
  browser.permissions.onRemoved.addListener(listener);
}

export interface TabTarget {
  tabId: number;
  url?: string;
}

/**
 * The tab "this page" means: the active tab of the current window, or — when the popup is
 * opened as a page (tests, a pinned tab) — the tab named by `?tab=<id>` in its own URL, with
 * `&url=` standing in for a URL the extension may not read yet (no permission for it).
 */
export async function targetTab(search: string): Promise<TabTarget | undefined> {
  const params = new URLSearchParams(search);
  const asked = Number(params.get('tab'));
  if (Number.isInteger(asked) && asked > 0) {
    const tab = await browser.tabs.get(asked).catch(() => undefined);
    if (!tab?.id) return undefined;
    return { tabId: tab.id, url: tab.url ?? params.get('url') ?? undefined };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ? { tabId: tab.id, ...(tab.url ? { url: tab.url } : {}) } : undefined;
}

export type SiteStatus =
  | { kind: 'unsupported' }
  | { kind: 'disabled'; url: string; pattern: string }
  | { kind: 'enabled'; url: string; pattern: string; static: boolean; summary: PageSummary | null };

/** Whether annotation runs on the tab, and its page summary when it does. */
export async function siteStatus(target: TabTarget): Promise<SiteStatus> {
  if (!target.url) return { kind: 'unsupported' };
  const url = new URL(target.url);
  const pattern = sitePattern(url);
  if (!pattern) return { kind: 'unsupported' };
  const isStatic = isStaticHost(url);
  const granted = isStatic || (await browser.permissions.contains({ origins: [pattern] }));
  const enabled =
    isStatic || (granted && (await loadSiteSettings()).some((s) => s.pattern === pattern));
  if (!enabled) return { kind: 'disabled', url: target.url, pattern };
  const answer = (await browser.tabs
    .sendMessage(target.tabId, { type: PAGE_SUMMARY_MESSAGE })
    .catch(() => undefined)) as { ok: true; value: PageSummary | null } | undefined;
  return {
    kind: 'enabled',
    url: target.url,
    pattern,
    static: isStatic,
    summary: answer?.value ?? null,
  };
}
