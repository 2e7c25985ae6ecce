// Issue 12 end to end: the built extension in real Chromium syncs real HTTP feeds on
// 127.0.0.1, one deployed by browser policy and one added by the user. A registry-sized feed
// with 5 bad records lands without exactly those (and the memberships that need them), and
// the popup, options and the CLI say the same sentence with the same numbers; an older
// generation, a validly signed document of another feed and a feed dated in the future are
// refused while the last good data stays shown, and are recoverable (accept anyway, or the
// next correct document); a running sync shows its phase, a progress bar, and a stall.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import { runValidate } from '../../lib/feedtool/cli-validate';
import { generateEd25519KeyPair, signBytes } from '../../lib/feedtool/keys';
import type { FeedInput } from '../../lib/model/feed';
import { launchWithExtension, type LaunchedChromium } from '../../scripts/chromium';
import { extensionWithGrants } from './support/annotate';
import { startFeedServer, type FeedServer } from './support/feed-server';
import { deployPolicyFeeds } from './support/policy';
import { extensionPage, setFeeds, storeRows, syncNow } from './support/sync-helpers';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

function registry(generatedAt: string, feedId = 'registry'): FeedInput {
  const feed = generateSyntheticFeed({ people: 730, communities: 217, seed: 12, feedId });
  // Chains of `related`, as in a real team registry: each community names its neighbours,
  // so one bad community used to take down every community naming it, and so on.
  feed.communities.forEach((c, i) => {
    c.related = [feed.communities[(i + 1) % feed.communities.length]!.id];
  });
  return { ...feed, generatedAt };
}

/** The feed with only its first `count` people, and the entries that name them. */
function withPeople(feed: FeedInput, count: number): FeedInput {
  const people = feed.people.slice(0, count);
  const ids = new Set(people.map((p) => p.id));
  return {
    ...feed,
    people,
    memberships: feed.memberships.filter((m) => ids.has(m.person)),
    expertise: feed.expertise.filter((e) => ids.has(e.person)),
  };
}

function total(feed: FeedInput): number {
  return (
    feed.units.length +
    feed.people.length +
    feed.topics.length +
    feed.communities.length +
    feed.memberships.length +
    feed.expertise.length
  );
}

/** What `constellation-feed validate --json` says about the same bytes. */
async function cliVerdict(body: string): Promise<{ sentence: string; faulty: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'trust-cli-'));
  try {
    await writeFile(join(dir, 'feed.json'), body);
    const out: string[] = [];
    await runValidate.run(
      { values: { json: true }, positionals: ['feed.json'] },
      { cwd: dir, out: (line: string) => out.push(line), err: () => undefined },
    );
    return (JSON.parse(out.join('\n')) as { verdict: { sentence: string; faulty: number } })
      .verdict;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('feeds land whole, one verdict, trust tied to the source (issue 12)', () => {
  let browser: LaunchedChromium;
  let server: FeedServer;
  let options: Page;
  let removePolicy: () => void = () => undefined;
  let copy: { dir: string; remove(): void } | undefined;
  let policyUrl: string;
  let userUrl: string;
  const keys = generateEd25519KeyPair();

  beforeAll(async () => {
    server = await startFeedServer();
    policyUrl = server.url('/registry.json');
    userUrl = server.url('/team.json');
    server.set('/registry.json', {
      kind: 'feed',
      body: JSON.stringify(registry('2026-11-20T10:00:00Z')),
    });
    // A copy of its own: Chromium gives an unpacked extension the id of its path, and the
    // policy is written for that id, so no browser of another test file running at the same
    // time (vitest.e2e.config.ts) receives this policy.
    copy = extensionWithGrants([]);
    removePolicy = deployPolicyFeeds(copy.dir, [
      { url: policyUrl, label: 'Registry (policy)', intervalMinutes: 60 },
    ]);
    browser = await launchWithExtension({ extensionDir: copy.dir });
    options = await extensionPage(browser, 'options.html');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removePolicy();
    copy?.remove();
  });

  async function popup(): Promise<Page> {
    const page = await extensionPage(browser, 'popup.html');
    await page.locator('[data-count="people"]').waitFor();
    return page;
  }

  it('the policy feed lands; 5 bad records of ~3,900 cost exactly themselves and their memberships; popup, options and CLI agree', async () => {
    const item = options.locator(`[data-feed-url="${policyUrl}"]`);
    await expect.poll(() => item.locator('.locked').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => item.locator('.report').getAttribute('data-outcome'), { timeout: 60_000 })
      .toBe('updated');

    const bad = registry('2026-11-21T10:00:00Z');
    const badIds = [3, 40, 41, 100, 200].map((i) => bad.communities[i]!.id);
    for (const id of badIds) {
      (bad.communities.find((c) => c.id === id) as unknown as { stage: string }).stage = 'thriving';
    }
    // Insecure links cost only themselves.
    for (const i of [7, 8, 9]) {
      bad.communities[i]!.repertoire = [{ label: 'Old wiki', url: 'http://wiki.example/x' }];
    }
    const body = JSON.stringify(bad);
    server.set('/registry.json', { kind: 'feed', body });
    const report = await syncNow(options, policyUrl);
    const dependents = bad.memberships.filter((m) => badIds.includes(m.community)).length;
    // Each landed community naming a left-out one in `related` loses that entry, and only that.
    const namedInRelated = bad.communities.filter(
      (c) => !badIds.includes(c.id) && c.related!.some((r) => badIds.includes(r)),
    ).length;
    expect(report.outcome).toBe('updated');
    expect(report.verdict).toEqual({
      total: total(bad),
      landed: total(bad) - 5 - dependents,
      faulty: 5,
      dependent: dependents,
      dropped: 3 + namedInRelated,
    });
    const sentence = `5 of ${total(bad).toLocaleString('en-US')} records had problems and were left out; ${dependents} entries that depended on them went too; ${3 + namedInRelated} bad values were dropped from records that landed.`;
    expect(report.summary).toBe(sentence);
    expect(await cliVerdict(body)).toMatchObject({ sentence, faulty: 5 });

    // The left-out records keep their previously stored version; everything else is new.
    expect(report.counts).toMatchObject({ invalid: 5 + dependents, kept: 5 + dependents });
    const communities = await storeRows<{ feedId: string; id: string; stage: string }>(
      options,
      'communities',
    );
    const stored = communities.filter((c) => c.feedId === 'registry');
    expect(stored).toHaveLength(217);
    expect(stored.filter((c) => c.stage === 'thriving')).toEqual([]);

    const shown = `${sentence.replace(/\.$/, '')}: show them`;
    await expect.poll(() => item.locator('.feed-verdict summary').textContent()).toBe(shown);
    await item.locator('.feed-verdict summary').click();
    expect(
      await item.locator('.feed-verdict li', { hasText: 'communities[3].stage' }).count(),
    ).toBe(1);
    const page = await popup();
    await expect
      .poll(() => page.locator('.sync-verdict .feed-verdict summary').textContent())
      .toBe(shown);
    await page.close();
  }, 180_000);

  it('the user feed: an older generation is refused while the last good data stays, and lands once accepted', async () => {
    const first = withPeople(registry('2026-11-20T10:00:00Z', 'team'), 100);
    server.set('/team.json', { kind: 'feed', body: JSON.stringify(first) });
    await setFeeds(options, [{ url: userUrl, label: 'Team', intervalMinutes: 60 }]);
    const item = options.locator(`[data-feed-url="${userUrl}"]`);
    await expect
      .poll(() => item.locator('.report').getAttribute('data-outcome'), { timeout: 60_000 })
      .toBe('updated');
    // Settled: a sync started by the settings change may still be running; once a further
    // sync of the same document finds nothing new, the first generation has fully landed.
    await expect
      .poll(async () => (await syncNow(options, userUrl)).outcome, { timeout: 60_000 })
      .toBe('not-modified');

    const older = withPeople(registry('2026-10-01T10:00:00Z', 'team'), 90);
    server.set('/team.json', { kind: 'feed', body: JSON.stringify(older) });
    const refused = await syncNow(options, userUrl);
    expect(refused.outcome).toBe('refused');
    expect(refused.message).toContain('is older than the 2026-11-20T10:00:00Z that landed');
    expect(refused.message).toContain('The data generated 2026-11-20T10:00:00Z stays');
    const peopleOf = async () =>
      (await storeRows<{ feedId: string }>(options, 'people')).filter((p) => p.feedId === 'team')
        .length;
    expect(await peopleOf()).toBe(100);

    await item.getByRole('button', { name: 'Accept this generation anyway' }).click();
    await expect
      .poll(async () => {
        const alert = item.locator('.accept [role="alert"]');
        return (await alert.count()) ? await alert.textContent() : 'no error';
      })
      .toBe('no error');

    await expect
      .poll(() => item.locator('.report').getAttribute('data-outcome'), { timeout: 30_000 })
      .toBe('updated');
    expect(await peopleOf()).toBe(90);
  }, 180_000);

  it('a validly signed document of another feed at this URL is refused; so is a date far in the future, and the next correct document lands', async () => {
    await setFeeds(options, [
      { url: userUrl, label: 'Team', intervalMinutes: 60, publicKey: keys.publicKeyPem },
    ]);
    const serveSigned = (feed: FeedInput) => {
      const body = JSON.stringify(feed);
      const signed = signBytes(Buffer.from(body), keys.privateKeyPem);
      server.set('/team.json', { kind: 'feed', body });
      server.set('/team.json.sig', { kind: 'text', body: signed.ok ? signed.signature : '' });
    };
    const correct = registry('2026-11-22T10:00:00Z', 'team');
    serveSigned(correct);
    expect(await syncNow(options, userUrl)).toMatchObject({
      outcome: 'updated',
      signature: 'Ed25519',
    });

    // Same signing key, another feed's release: the signature is valid, the document is not
    // this URL's.
    serveSigned(registry('2026-11-23T10:00:00Z', 'other-feed'));
    const other = await syncNow(options, userUrl);
    expect(other.outcome).toBe('refused');
    expect(other.message).toContain('this URL served the feed "team"');
    expect(other.acceptable).toBeDefined();

    serveSigned(registry('2099-01-01T00:00:00Z', 'team'));
    const future = await syncNow(options, userUrl);
    expect(future.outcome).toBe('refused');
    expect(future.message).toContain('more than 24 hours in the future');
    expect(future.acceptable).toBeUndefined();
    const teamFeed = async () =>
      (await storeRows<{ feedId: string; generatedAt: string }>(options, 'feeds')).find(
        (f) => f.feedId === 'team',
      )?.generatedAt;
    expect(await teamFeed()).toBe('2026-11-22T10:00:00Z');

    serveSigned(registry('2026-11-24T10:00:00Z', 'team'));
    expect(await syncNow(options, userUrl)).toMatchObject({ outcome: 'updated' });
    expect(await teamFeed()).toBe('2026-11-24T10:00:00Z');
  }, 180_000);

  it('a running sync shows its phase and a progress bar in options and the popup, and a stalled download as stalled', async () => {
    await setFeeds(options, [{ url: userUrl, label: 'Team', intervalMinutes: 60 }]);
    const body = JSON.stringify(registry('2026-11-25T10:00:00Z', 'team'));
    // Ten slices, the last after a long pause: downloading, then stalled, then it completes.
    server.set('/team.json', { kind: 'slow', body, chunks: 4, intervalMs: 8_000 });
    const running = options
      .evaluate(
        (u) => chrome.runtime.sendMessage({ type: 'syncNow', request: { url: u } }),
        userUrl,
      )
      .catch(() => undefined);
    const item = options.locator(`[data-feed-url="${userUrl}"]`);
    const bar = item.locator('.sync-progress');
    await expect
      .poll(() => bar.getAttribute('data-phase'), { timeout: 20_000 })
      .toBe('downloading');
    expect(await bar.locator('.sync-progress-text').textContent()).toMatch(
      /^Downloading \d+\.\d of \d+\.\d MB…$/,
    );
    await expect
      .poll(() => bar.locator('progress').evaluate((el) => (el as HTMLProgressElement).value), {
        timeout: 5_000,
      })
      .toBeGreaterThan(0);
    const page = await popup();
    await expect
      .poll(() => page.locator('.sync-progress .sync-progress-text').textContent())
      .toMatch(/^Team: Downloading/);
    await expect.poll(() => bar.getAttribute('data-stalled'), { timeout: 20_000 }).toBe('true');
    expect(await bar.locator('.sync-progress-text').textContent()).toMatch(
      /^Download stalled at .* MB: no data for \d+ s$/,
    );
    await expect
      .poll(() => page.locator('.sync-progress').getAttribute('data-stalled'))
      .toBe('true');
    // The last good data stays shown meanwhile.
    expect(await page.locator('[data-count="people"]').textContent()).not.toBe('0');
    await page.close();
    const finished = (await running) as { ok: boolean; value: { outcome: string }[] };
    expect(finished.value[0]!.outcome).toBe('updated');
    await expect
      .poll(() => item.locator('.report').getAttribute('data-outcome'), { timeout: 10_000 })
      .toBe('updated');
    await expect.poll(() => item.locator('.sync-progress').count(), { timeout: 10_000 }).toBe(0);
  }, 180_000);
});
