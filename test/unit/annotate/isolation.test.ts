// Page isolation in a fast DOM (happy-dom; the real proof is test/e2e/page-isolation.e2e.test.ts):
// forged elements and script-made events never open a card or reach the background; a
// region that becomes editable loses our markup and gets it back when read-only again.
import { beforeAll, describe, expect, it } from 'vitest';
import { annotateDocument } from '../../../lib/annotate/page';
import type { ConstellationDB } from '../../../lib/db/database';
import { FIXTURE_DIR, loadPage } from '../sites/load-page';
import { demoTestDb, ownHostsIn, personBadges, recordingClient } from './support';

let db: ConstellationDB;
beforeAll(async () => {
  db = await demoTestDb();
});

const GITEA = 'http://git.northwind.test/platform/cluster-tools/issues/42';

function start() {
  const page = loadPage(`${FIXTURE_DIR}/gitea-issue.html`, GITEA);
  const client = recordingClient(db);
  let uiLoads = 0;
  const cardRequests: string[] = [];
  const controller = new AbortController();
  const session = annotateDocument({
    document: page.document,
    client: {
      ...client,
      personCard: (ref) => (cardRequests.push(ref.id), client.personCard(ref)),
      topicCard: (ref) => (cardRequests.push(ref.id), client.topicCard(ref)),
    },
    loadUi: () => {
      uiLoads++;
      return Promise.reject(new Error('no UI in unit tests'));
    },
    signal: controller.signal,
    batchMs: 20,
  });
  return { page, session, controller, uiLoads: () => uiLoads, cardRequests };
}

describe('page isolation', () => {
  it('ignores forged badges and synthetic events on real ones', async () => {
    const { page, session, controller, uiLoads, cardRequests } = start();
    await session.idle();
    const { document } = page;
    const forged = document.createElement('constellation-person');
    forged.setAttribute('data-constellation-person', 'p-zoe-okafor');
    forged.setAttribute('data-constellation-feed', 'demo-northwind');
    document.body.append(forged);
    const view = document.defaultView!;
    const real = ownHostsIn(document).map((h) => h.element);
    expect(real.length).toBeGreaterThan(0);
    for (const element of [forged, ...real]) {
      (element as HTMLElement).click();
      element.dispatchEvent(new view.Event('pointerover', { bubbles: true }));
      element.dispatchEvent(new view.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(uiLoads()).toBe(0);
    expect(cardRequests).toEqual([]);
    // What the page sees of ours: attribute-less elements without a readable shadow root.
    for (const element of real) {
      expect(element.attributes.length).toBe(0);
      expect(element.shadowRoot).toBeNull();
    }
    controller.abort();
    await page.close();
  });

  it('leaves a region that becomes editable, and comes back when it is read-only again', async () => {
    const { page, session, controller } = start();
    await session.idle();
    const region = page.document.querySelector('.issue-content')!;
    const before = personBadges(region);
    expect(before.length).toBeGreaterThan(0);
    region.setAttribute('contenteditable', 'true');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ownHostsIn(region)).toEqual([]);
    region.removeAttribute('contenteditable');
    await session.idle();
    await session.idle();
    expect(personBadges(region)).toEqual(before);
    controller.abort();
    await page.close();
  });
});
