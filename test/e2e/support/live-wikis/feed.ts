// Puts the wiki feed in the extension's database as a real feed lands: its rows and its
// `feeds` row, then the bundled demo's `feeds` row removed (readers see only feeds with a
// row; the demo makes way for real data, lib/background/demo-data.ts). So every badge and
// card comes from the organisation's own feed and none says "Demo data".
import type { Page } from 'playwright-core';
import { DEMO_FEED_ID } from '../../../../lib/demo/generate-demo';
import { writeFeed } from '../annotate';
import { wikiFeed } from './cast';

export async function installWikiFeed(page: Page): Promise<void> {
  await writeFeed(page, wikiFeed());
  await page.evaluate(
    (demoFeedId) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('constellation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('feeds', 'readwrite');
          tx.objectStore('feeds').delete(demoFeedId);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DEMO_FEED_ID,
  );
}
