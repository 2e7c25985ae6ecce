// Badges of avatar-only profile links in real Chromium (issue 14): the built extension on an
// intranet team page (test/fixtures/pages/intranet-team-page.html, the generic adapter) whose
// avatars sit in a flex strip with a gap inside a clipped box of fixed height, in a CSS grid,
// and in a member card beside the person's named link. A lone avatar's badge must be seen
// (a size, on top where it stands, not clipped) and must not move anything: every avatar keeps
// its box, every row its height, and no badge covers the next avatar. The card's avatar stays
// without a badge (the name beside it carries one).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import {
  DEMO_GRANT,
  FIXTURES,
  enableSiteFromPopup,
  extensionPage,
  extensionWithGrants,
  readPage,
  servePage,
  settled,
  waitForDemo,
} from './support/annotate';
import { cardStatus, hoverHost } from './support/isolated';

const URL_ = 'http://intranet.northwind.test/teams/claims-automation';
/** The same page on a host the extension is not enabled on: the layout without badges. */
const PLAIN_URL = 'http://plain.northwind.test/teams/claims-automation';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface AvatarLayout {
  /** `row#index` → the avatar link's box. */
  avatars: Record<string, Box>;
  /** Row id → its height. */
  rows: Record<string, number>;
  /** `row#index` → the badge right after that link (null: none). */
  badges: Record<
    string,
    {
      box: Box;
      onTop: boolean;
      /** Not hidden (display or visibility), as the page's own layout says. */
      shown: boolean;
      next: Box | null;
      avatar: Box;
      row: Box;
    } | null
  >;
}

/** Reads, in the page's own world, what a reader's layout shows of the avatar rows. */
function layout(page: Page): Promise<AvatarLayout> {
  return page.evaluate(() => {
    const boxOf = (element: Element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    };
    const out: AvatarLayout = { avatars: {}, rows: {}, badges: {} };
    for (const id of ['strip', 'wall', 'lead']) {
      const row = document.getElementById(id)!;
      out.rows[id] = row.getBoundingClientRect().height;
      const links = Array.from(row.querySelectorAll(':scope > a'));
      links.forEach((link, index) => {
        const key = `${id}#${index}`;
        out.avatars[key] = boxOf(link);
        // Our host is a plain <span> right after the link (the page sees no more than that).
        const host = link.nextElementSibling;
        if (!host || host.tagName !== 'SPAN') {
          out.badges[key] = null;
          return;
        }
        const box = boxOf(host);
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        const next = links[index + 1];
        out.badges[key] = {
          box,
          onTop: hit === host,
          shown: host.checkVisibility({ visibilityProperty: true }),
          next: next ? boxOf(next) : null,
          avatar: boxOf(link),
          row: boxOf(row),
        };
      });
    }
    return out;
  });
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;

describe('badges of avatar-only links in Chromium', () => {
  let browser: LaunchedChromium;
  let extension: { dir: string; remove(): void };

  beforeAll(async () => {
    extension = extensionWithGrants([DEMO_GRANT]);
    browser = await launchWithExtension({ extensionDir: extension.dir });
    const html = readPage(FIXTURES, 'intranet-team-page.html');
    await servePage(browser.context, URL_, html);
    await servePage(browser.context, PLAIN_URL, html);
    const control = await extensionPage(browser);
    await waitForDemo(control);
    await control.close();
    // Every test starts with the site enabled, as a user leaves it.
    const page = await browser.context.newPage();
    await page.goto(URL_);
    const popup = await enableSiteFromPopup(browser, page);
    await popup.close();
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    extension?.remove();
  });

  it('shows each lone avatar a badge on the avatar, moving nothing', async () => {
    const plain = await browser.context.newPage();
    await plain.goto(PLAIN_URL);
    const before = await layout(plain);
    expect(Object.values(before.badges).every((b) => b === null)).toBe(true);
    await plain.close();

    const page = await browser.context.newPage();
    await page.goto(URL_);
    const found = await settled(page);
    // Document order: the strip (Somebody Else is not in the directory), the grid, then the
    // card, where the named link carries the badge and its avatar none.
    expect(found.people).toEqual([
      'p-priya-raghunathan:member',
      'p-siobhan-obrien:member',
      'p-fatima-al-sayed:member',
      'p-grace-mensah:member',
      'p-niamh-nolan:member',
      'p-priya-raghunathan:member',
      'p-siobhan-obrien:member',
      'p-grace-mensah:member',
    ]);

    // Placement happens in the next frame; wait for every avatar badge to sit on its avatar
    // (lead#1 is the card's named link: an ordinary badge in the line).
    await expect
      .poll(async () => {
        const now = await layout(page);
        return Object.entries(now.badges)
          .filter(([key, b]) => b && !key.startsWith('lead') && !inside(b.box, b.avatar))
          .map(([key]) => key);
      })
      .toEqual([]);

    const after = await layout(page);
    // Nothing moved: every avatar keeps its box, every row its height.
    expect(after.avatars).toEqual(before.avatars);
    expect(after.rows).toEqual(before.rows);

    const badged = Object.entries(after.badges)
      .filter(([, b]) => b !== null)
      .map(([key]) => key);
    expect(badged).toEqual([
      'strip#0',
      'strip#1',
      'strip#2',
      'wall#0',
      'wall#1',
      'wall#2',
      'wall#3',
      'lead#1',
    ]);
    for (const key of badged.filter((k) => !k.startsWith('lead'))) {
      const badge = after.badges[key]!;
      expect(badge.box.width, key).toBeGreaterThan(0);
      expect(badge.box.height, key).toBeGreaterThan(0);
      // On top where it stands (not covered, not clipped away by the strip's overflow).
      expect(badge.onTop, key).toBe(true);
      expect(inside(badge.box, badge.row), key).toBe(true);
      if (badge.next) expect(overlaps(badge.box, badge.next), key).toBe(false);
    }
    await page.close();
  });

  it('follows its avatar when the row changes size, and opens the card on hover', async () => {
    const page = await browser.context.newPage();
    await page.goto(URL_);
    expect((await settled(page)).people).toHaveLength(8);
    // The page's own styles change (a denser or larger layout): avatars grow to 40 px.
    await page.addStyleTag({
      content:
        '.strip{height:40px !important}.strip a,.strip img{width:40px !important;height:40px !important}',
    });
    await expect
      .poll(async () => {
        const now = await layout(page);
        const badge = now.badges['strip#1'];
        return badge
          ? { inside: inside(badge.box, badge.avatar), width: badge.avatar.width }
          : null;
      })
      .toEqual({ inside: true, width: 40 });
    const now = await layout(page);
    const second = now.badges['strip#1']!;
    // At the avatar's lower right corner.
    expect(Math.round(second.box.x + second.box.width)).toBe(
      Math.round(second.avatar.x + second.avatar.width),
    );
    expect(Math.round(second.box.y + second.box.height)).toBe(
      Math.round(second.avatar.y + second.avatar.height),
    );
    expect(overlaps(second.box, second.next!)).toBe(false);

    await hoverHost(page, 'person', 'p-siobhan-obrien');
    await expect.poll(() => cardStatus(page), { timeout: 5000 }).toBe('ready');
    await page.close();
  });

  it('hides the badge of an avatar its row clips, and follows avatars the row scrolls', async () => {
    const page = await browser.context.newPage();
    await page.goto(URL_);
    expect((await settled(page)).people).toHaveLength(8);
    // A narrow strip that scrolls (its avatars keep their size): the third avatar (72–104 px)
    // is cut at 80 px, too little of it shows for a badge.
    await page.addStyleTag({
      content:
        '.strip{width:80px !important;overflow-x:auto !important;height:auto !important}.strip a{flex-shrink:0 !important}',
    });
    // A shown badge sits on its avatar; where a hidden one is does not matter.
    const state = async () => {
      const now = await layout(page);
      return ['strip#0', 'strip#1', 'strip#2'].map((key) => {
        const badge = now.badges[key]!;
        if (!badge.shown) return `${key}:hidden`;
        return `${key}:shown:${inside(badge.box, badge.avatar) ? 'on' : 'off'}`;
      });
    };
    await expect.poll(state).toEqual(['strip#0:shown:on', 'strip#1:shown:on', 'strip#2:hidden']);
    // Scrolled by 40 px: the first avatar leaves the strip, the third comes in.
    await page.evaluate(() => {
      document.getElementById('strip')!.scrollLeft = 40;
    });
    await expect.poll(state).toEqual(['strip#0:hidden', 'strip#1:shown:on', 'strip#2:shown:on']);
    const now = await layout(page);
    for (const key of ['strip#1', 'strip#2']) {
      expect(now.badges[key]!.onTop, key).toBe(true);
      expect(inside(now.badges[key]!.box, now.badges[key]!.row), key).toBe(true);
    }
    await page.close();
  });
});
