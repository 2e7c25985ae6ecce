// Loading and removing the bundled real sample feeds (lib/samples.ts). A sample is ingested
// like the demo (one transaction, source "sample") after three checks: it is listed in the
// bundled index, its bytes match the index's sha256, and it validates. Loaded samples are
// real data, so the demo makes way; removing the last one brings the demo back. A sample never
// replaces a feed the user or an administrator configured.
import type { ConstellationDB } from '../db/database';
import { removeFeed, replaceFeed } from '../db/ingest';
import { feedRow } from '../db/feeds';
import { validateFeedText } from '../model/validate';
import { parseSamplesIndex, SAMPLES_DIR, SAMPLES_INDEX, type SampleEntry } from '../samples';
import { reconcileDemoData } from './demo-data';

export interface SampleDeps {
  db: ConstellationDB;
  /** Reads a file bundled with the extension (path relative to its root); rejects when absent. */
  readBundled(path: string): Promise<string>;
  loadDemo: () => Promise<string>;
}

export interface SampleLoaded {
  feedId: string;
  organization: string;
  people: number;
  communities: number;
  /** Records the validator dropped (a sample should have none). */
  problems: number;
}

async function bundledSamples(deps: Pick<SampleDeps, 'readBundled'>): Promise<SampleEntry[]> {
  let text: string;
  try {
    text = await deps.readBundled(SAMPLES_INDEX);
  } catch {
    return []; // this build has no samples
  }
  const parsed = parseSamplesIndex(text);
  if (!parsed.ok) throw new Error(`the bundled ${SAMPLES_INDEX} is broken: ${parsed.error}`);
  return parsed.index.feeds;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function loadSample(deps: SampleDeps, file: string): Promise<SampleLoaded> {
  const entry = (await bundledSamples(deps)).find((s) => s.file === file);
  if (!entry) throw new Error(`no sample feed "${file}" is bundled with this build`);
  const text = await deps.readBundled(`${SAMPLES_DIR}/${entry.file}`);
  if ((await sha256Hex(text)) !== entry.sha256)
    throw new Error(`${entry.file} does not match the checksum in the bundled index`);
  const validation = validateFeedText(text);
  if (!validation.ok) throw new Error(`${entry.file} was refused: ${validation.error.reason}`);
  const { feed, problems } = validation;
  const stored = await feedRow(deps.db, feed.feedId);
  if (stored && stored.source !== 'sample' && stored.source !== 'demo')
    throw new Error(
      `a configured feed (${stored.url ?? stored.organization}) already provides "${feed.feedId}"`,
    );
  await replaceFeed(deps.db, feed, { source: 'sample' });
  await reconcileDemoData(deps.db, deps.loadDemo);
  return {
    feedId: feed.feedId,
    organization: feed.organization.name,
    people: feed.people.length,
    communities: feed.communities.length,
    problems: problems.length,
  };
}

export async function removeSample(deps: SampleDeps, feedId: string): Promise<void> {
  const stored = await feedRow(deps.db, feedId);
  if (!stored) return;
  if (stored.source !== 'sample') throw new Error(`"${feedId}" is not a sample feed`);
  await removeFeed(deps.db, feedId);
  await reconcileDemoData(deps.db, deps.loadDemo);
}
