// The storage adapter against WXT's fake-browser (an in-memory browser.storage).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, saveSettings } from '../../../lib/browser/extension';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

describe('settings adapter', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips feeds through browser.storage.local', async () => {
    const settings = {
      version: 1 as const,
      feeds: [{ url: 'https://feeds.acme.example/main.json', label: 'Acme', intervalMinutes: 30 }],
    };
    await saveSettings(settings);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings });
    expect(await loadSettings()).toEqual(settings);
  });

  it('falls back field by field when stored settings are corrupt', async () => {
    await fakeBrowser.storage.local.set({
      settings: { version: 99, feeds: [{ url: 'javascript:alert(1)', label: '' }] },
    });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
