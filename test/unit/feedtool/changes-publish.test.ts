// Publishing changes files with the delta protocol (lib/feedtool/delta-publish.ts): each
// earlier document kept gets a changes file beside its delta, content-addressed and listed in
// the manifest's `changes`; pruning keeps what the manifest lists and removes the rest; and
// documents with record problems get deltas but no changes files, to or from them.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChanges } from '../../../lib/feed/changes';
import { parseManifest, type FeedManifest } from '../../../lib/feed/manifest';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';
import { publishFeed } from '../../../lib/feedtool/delta-publish';
import type { FeedInput } from '../../../lib/model/feed';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

const first = generateSyntheticFeed({ people: 60, seed: 11 });
/** `first` one day later with one person's title changed (`n` picks who and what). */
function edited(n: number, feed: FeedInput = first): FeedInput {
  const next = structuredClone(feed);
  next.generatedAt = `2026-11-${String(2 + n).padStart(2, '0')}T09:00:00Z`;
  next.people[n]!.title = `Changed title ${n}`;
  return next;
}

/** A publisher's folder: publishes documents one after another, each one newer than the last. */
function publisher(keep: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedtool-changes-'));
  dirs.push(dir);
  const out = path.join(dir, 'feed.json');
  let published = 0;
  return {
    out,
    async publish(feed: FeedInput) {
      const text = `${JSON.stringify(feed, null, 2)}\n`;
      const result = await publishFeed(out, text, {
        deltas: true,
        keep,
        feedId: feed.feedId,
        generatedAt: feed.generatedAt,
      });
      // History is ordered by modification time: make the order plain, whatever the clock.
      const at = new Date(Date.UTC(2026, 10, 1, 9, 0, ++published));
      utimesSync(path.join(`${out}.deltas`, 'history', `${sha256(text)}.json`), at, at);
      return { result, text, manifest: manifestOf(out) };
    },
    /** The content-addressed files beside the feed (the history folder aside). */
    files: () =>
      readdirSync(`${out}.deltas`)
        .filter((name) => name !== 'history')
        .sort(),
  };
}

function manifestOf(out: string): FeedManifest {
  const parsed = parseManifest(readFileSync(`${out}.manifest.json`));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.manifest;
}

const named = (manifest: FeedManifest) =>
  [...manifest.deltas, ...manifest.changes].map((entry) => `${entry.sha256}.json`).sort();

describe('publishFeed with changes files', () => {
  it('writes a changes file from each earlier document, lists it, and prunes only what is no longer listed', async () => {
    const feeds = publisher(1);
    const one = await feeds.publish(first);
    expect(one.manifest.changes).toEqual([]);
    expect(one.result.changes).toEqual([]);
    expect(one.result.noChanges).toEqual([]);

    const two = await feeds.publish(edited(1));
    expect(two.result.noDeltas).toEqual([]);
    expect(two.result.noChanges).toEqual([]);
    expect(two.manifest.changes).toHaveLength(1);
    const entry = two.manifest.changes[0]!;
    const file = path.join(path.dirname(feeds.out), entry.path);
    const bytes = readFileSync(file);
    expect(entry).toEqual({
      from: sha256(one.text),
      path: `feed.json.deltas/${sha256(bytes)}.json`,
      sha256: sha256(bytes),
      bytes: bytes.length,
    });
    expect(two.result.changes).toEqual([{ file, bytes: bytes.length, from: sha256(one.text) }]);
    const parsed = parseChanges(bytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.changes).toMatchObject({
      from: sha256(one.text),
      to: two.manifest.document.sha256,
      generatedAt: '2026-11-03T09:00:00Z',
      remove: {},
    });
    expect(parsed.changes.upsert.people).toEqual([
      expect.objectContaining({ id: first.people[1]!.id, title: 'Changed title 1' }),
    ]);
    expect(two.manifest.deltas).toHaveLength(1);
    expect(feeds.files()).toEqual(named(two.manifest));

    // Keeping one earlier document: the files from the first document go, the new ones stay.
    const three = await feeds.publish(edited(2, edited(1)));
    expect(three.manifest.changes.map((c) => c.from)).toEqual([sha256(two.text)]);
    expect(three.manifest.deltas.map((d) => d.from)).toEqual([sha256(two.text)]);
    expect(feeds.files()).toEqual(named(three.manifest));
    expect(feeds.files()).not.toContain(`${entry.sha256}.json`);
  });

  it('writes no delta and no changes file that would cost over half the document, and says why', async () => {
    const feeds = publisher(3);
    const one = await feeds.publish(first);
    // Every record different: a rewrite, not a change.
    const other = generateSyntheticFeed({ people: 60, seed: 99, feedId: first.feedId });
    other.generatedAt = '2026-11-05T09:00:00Z';
    const two = await feeds.publish(other);
    expect(two.manifest.deltas).toEqual([]);
    expect(two.manifest.changes).toEqual([]);
    const tooLarge = expect.stringMatching(
      /^it would be \d+% of the document \(over 50%: not worth fetching\)$/,
    ) as unknown;
    expect(two.result.noDeltas).toEqual([{ from: sha256(one.text), why: tooLarge }]);
    expect(two.result.noChanges).toEqual([{ from: sha256(one.text), why: tooLarge }]);
  });

  it('writes none to or from a document with a record problem, and still writes its deltas', async () => {
    const feeds = publisher(3);
    const clean = await feeds.publish(first);
    const withProblem = edited(1);
    withProblem.people[4]!.emails = ['not an email'];
    const faulty = await feeds.publish(withProblem);
    expect(faulty.manifest.deltas.map((d) => d.from)).toEqual([sha256(clean.text)]);
    expect(faulty.manifest.changes).toEqual([]);
    expect(faulty.result.changes).toEqual([]);
    // The build says why, naming the problem's place.
    expect(faulty.result.noChanges).toEqual([
      {
        from: sha256(clean.text),
        why: expect.stringMatching(
          /^the new document: it has a record problem \(the first: people\[4\]\.emails\[0\]: .+\)$/,
        ) as unknown,
      },
    ]);

    const fixed = await feeds.publish(edited(2));
    expect(fixed.manifest.deltas.map((d) => d.from).sort()).toEqual(
      [sha256(clean.text), sha256(faulty.text)].sort(),
    );
    expect(fixed.manifest.changes.map((c) => c.from)).toEqual([sha256(clean.text)]);
    expect(fixed.result.noChanges).toEqual([
      {
        from: sha256(faulty.text),
        why: expect.stringMatching(/^the earlier document: it has a record problem/) as unknown,
      },
    ]);
    expect(feeds.files()).toEqual(named(fixed.manifest));
  });
});
