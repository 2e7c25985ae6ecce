// The demo hosts, enabled in the demo browser's profile before anyone looks, so `npm start`
// shows annotated pages at once, headless too (headless Chromium cannot show a permission
// prompt). Two steps, both confined to the demo browser:
// 1. the extension is loaded from a copy whose manifest already grants the demo hosts (the
//    answer the user would give the prompt; the built extension itself is unchanged, so real
//    sites keep the per-site prompt flow);
// 2. in the extension's service worker, the same two things "Enable on this site" does after
//    the prompt (lib/browser/site-access.ts): a site setting per host, and a content script
//    registered for it, with the ids and storage key that module reconciles on every start.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { SITE_SETTINGS_KEY } from '../../lib/sites/site-settings';
import { DEMO_HOSTS, DEMO_DOMAIN } from './hosts';
import type { WorkerChrome } from './worker-chrome';

declare const chrome: WorkerChrome;

/** The grant the demo copy's manifest carries: every demo host, plain HTTP. */
export const DEMO_HOST_GRANT = `http://*.${DEMO_DOMAIN}/*`;

/** The hosts whose pages are annotated (the feeds host serves only JSON). */
export const ANNOTATED_DEMO_HOSTS = [DEMO_HOSTS.intranet, DEMO_HOSTS.wiki, DEMO_HOSTS.code];

export interface DemoExtension {
  dir: string;
  remove(): void;
}

/** A copy of the built extension whose manifest grants the demo hosts. */
export function demoExtensionCopy(builtDir: string): DemoExtension {
  const root = mkdtempSync(join(tmpdir(), 'constellation-demo-ext-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(builtDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
  };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), DEMO_HOST_GRANT];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

interface EnableArgs {
  hosts: string[];
  storageKey: string;
  scriptFile: string;
  idPrefix: string;
}

/**
 * Enables annotation on the demo hosts from inside the extension's service worker; returns
 * the patterns enabled. Idempotent: a host already enabled is left as it is.
 */
export async function enableDemoSites(worker: Worker): Promise<string[]> {
  const args: EnableArgs = {
    hosts: ANNOTATED_DEMO_HOSTS,
    // The values lib/browser/site-access.ts uses (it imports browser APIs, so not from here);
    // the visual test checks the result through the popup's real "This page" status.
    storageKey: SITE_SETTINGS_KEY,
    scriptFile: 'content-scripts/content.js',
    idPrefix: 'constellation-site:',
  };
  return worker.evaluate(async ({ hosts, storageKey, scriptFile, idPrefix }: EnableArgs) => {
    const patterns = hosts.map((host) => `http://${host}/*`);
    const granted = await chrome.permissions.contains({ origins: patterns });
    if (!granted) throw new Error(`the demo hosts are not granted (${patterns.join(', ')})`);
    const stored = (await chrome.storage.local.get(storageKey))[storageKey];
    const settings: { pattern: string; adapter: string; enabledAt: string }[] = Array.isArray(
      stored,
    )
      ? (stored as { pattern: string; adapter: string; enabledAt: string }[])
      : [];
    const registered = new Set(
      (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
    );
    const fresh = patterns.filter((pattern) => !registered.has(`${idPrefix}${pattern}`));
    if (fresh.length > 0) {
      await chrome.scripting.registerContentScripts(
        fresh.map((pattern) => ({
          id: `${idPrefix}${pattern}`,
          matches: [pattern],
          js: [scriptFile],
          runAt: 'document_idle' as const,
          persistAcrossSessions: true,
        })),
      );
    }
    const known = new Set(settings.map((s) => s.pattern));
    const now = new Date().toISOString();
    for (const pattern of patterns)
      if (!known.has(pattern)) settings.push({ pattern, adapter: 'auto', enabledAt: now });
    await chrome.storage.local.set({ [storageKey]: settings });
    return patterns;
  }, args);
}
