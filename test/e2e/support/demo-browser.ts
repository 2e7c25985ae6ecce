// The demo organisation in real Chromium, as `npm start` shows it: the demo site on 127.0.0.1,
// the built extension with the demo hosts enabled (scripts/demo-site/enable.ts), and the tour
// context (scripts/demo-site/tour.ts). Shared by the visual and the keyboard e2e tests.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LaunchedChromium } from '../../../scripts/chromium';
import { demoExtensionCopy, enableDemoSites } from '../../../scripts/demo-site/enable';
import { DEMO_HOST_PATTERN } from '../../../scripts/demo-site/hosts';
import { startDemoSite } from '../../../scripts/demo-site/server';
import type { TourContext } from '../../../scripts/demo-site/tour';
import { builtExtensionDir } from './extension';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface DemoBrowser {
  browser: LaunchedChromium;
  tour: TourContext;
  /** A tab kept open between screens (closing every tab would end the session). */
  blank: Page;
  close(): Promise<void>;
}

export async function startDemoBrowser(): Promise<DemoBrowser> {
  const site = await startDemoSite({ port: 0, feedPath: join(ROOT, 'public/demo-feed.json') });
  const extension = demoExtensionCopy(builtExtensionDir());
  let browser: LaunchedChromium | undefined;
  try {
    browser = await launchWithExtension({
      extensionDir: extension.dir,
      hostMap: [{ pattern: DEMO_HOST_PATTERN, port: site.port }],
      // Same glyph rasterisation on every run: no LCD subpixel text, fixed scale.
      args: ['--disable-lcd-text', '--force-device-scale-factor=1', '--font-render-hinting=none'],
    });
    await enableDemoSites(browser.serviceWorker);
    const tour: TourContext = {
      browser,
      pages: await site.pages(),
      identifyAs: 'Zoë Okafor',
      searchFor: 'Kubernetes',
    };
    const blank = browser.context.pages()[0] ?? (await browser.context.newPage());
    const launched = browser;
    return {
      browser,
      tour,
      blank,
      async close() {
        await launched.close();
        await site.close();
        extension.remove();
      },
    };
  } catch (error) {
    await browser?.close();
    await site.close();
    extension.remove();
    throw error;
  }
}
