// Landing a changes file (lib/feed/changes.ts) as a layer over the stored generation: the
// same refusals as a document, then the strict check and plan of apply-changes.ts, then the
// layer written like any generation (chunked, leased, resumable) and switched to in one
// transaction. Anything the check cannot prove sends the sync to the whole document.
import { storedFingerprint } from '../db/fingerprints';
import { chunkPacks, listSources, openGeneration, switchGeneration } from '../db/generations';
import { feedRow as storedFeedRow } from '../db/feeds';
import type { SyncSourceRow } from '../db/sync-schema';
import { planChanges } from './apply-changes';
import { recordLanded, type DeltaDelivery } from './delta-sync';
import { refusalOf } from './refusals';
import { refused, type ReportDraft } from './report';
import type { FeedTarget, SyncDeps } from './sync';
import {
  DEFAULT_CHUNK_SIZE,
  demoFeedIds,
  progress,
  recordsInChunks,
  writeChunks,
} from './write-generation';

/**
 * Lands a changes file as a layer over the stored generation (lib/feed/apply-changes.ts):
 * the same refusals as a document, then the strict check of its records; `fallback` says
 * why the whole document must be taken instead.
 */
export async function landChanges(
  deps: SyncDeps,
  target: FeedTarget,
  source: SyncSourceRow,
  via: Extract<DeltaDelivery, { kind: 'changes' }>,
): Promise<ReportDraft | { fallback: string }> {
  const { db, owner } = deps;
  const { url } = target;
  const now = deps.now ?? Date.now;
  const { changes } = via;
  await progress(deps, { url, phase: 'fetched', chunksDone: 0, chunkCount: 0 });
  await progress(deps, { url, phase: 'validating', chunksDone: 0, chunkCount: 0 });
  const feedId = source.feedId!;
  const others = (await listSources(db)).filter((s) => s.url !== url);
  const servedBy = others.find(
    (s) => s.feedId === changes.feedId || s.pending?.feedId === changes.feedId,
  );
  const stored = await storedFeedRow(db, feedId);
  const refusal = refusalOf(changes, {
    ...(source.generation > 0
      ? { landed: { feedId, ...(source.generatedAt ? { generatedAt: source.generatedAt } : {}) } }
      : {}),
    ...(servedBy ? { servedBy: servedBy.url } : {}),
    isDemoFeedId: stored?.source === 'demo',
    accepted: source.accepted?.digest === changes.to,
    now: now(),
  });
  if (refusal)
    return {
      ...refused(refusal.reason, source, true, refusal.path ?? '', 200),
      ...(refusal.acceptable ? { acceptable: { digest: changes.to } } : {}),
    };
  const fingerprint = await storedFingerprint(db, feedId);
  if (!fingerprint || !stored)
    return { fallback: 'the changes file: no fingerprint of the stored feed' };
  const verdict = await planChanges(db, feedId, changes, fingerprint, stored.membersOnly);
  if (!verdict.ok)
    return {
      fallback: verdict.compact
        ? `the changes file was not applied: ${verdict.reason}`
        : `the changes file ${changesPath(via)} was not applied: ${verdict.reason}`,
    };
  const { plan } = verdict;
  await progress(deps, { url, phase: 'validated', chunksDone: 0, chunkCount: 0 });
  const chunks = chunkPacks(plan.packs, deps.chunkSize ?? DEFAULT_CHUNK_SIZE);
  let pending = await openGeneration(db, {
    url,
    feedId,
    digest: changes.to,
    mode: 'overlay',
    base: plan.base,
    chunkCount: chunks.length,
    owner,
    now: new Date(now()),
  });
  const resumedAtChunk = pending.chunksDone;
  pending = await writeChunks(deps, url, pending, chunks, recordsInChunks(chunks));
  const demoIds = await demoFeedIds(db);
  await switchGeneration(db, {
    url,
    owner,
    pending,
    feedRow: {
      feedId,
      source: 'url',
      url,
      organization: plan.organization,
      generatedAt: plan.generatedAt,
      ingestedAt: new Date(now()).toISOString(),
      counts: plan.fingerprint.sizes(),
    },
    membersOnly: plan.membersOnly,
    fingerprint: plan.fingerprint,
    // The document's own HTTP validators are unknown: the next whole download is unconditional.
    validators: {},
    retire: demoIds,
    now: new Date(now()),
  });
  await recordLanded(db, url, changes.to, via);
  await progress(deps, {
    url,
    phase: 'switched',
    chunksDone: chunks.length,
    chunkCount: chunks.length,
  });
  const c = plan.counts;
  return {
    outcome: 'updated',
    feedId,
    generatedAt: plan.generatedAt,
    httpStatus: 200,
    counts: c,
    message: `Updated ${plan.organization}: ${c.added} added, ${c.changed} changed, ${c.removed} removed (from the feed's changes file).`,
    problems: [],
    problemCount: 0,
    chunkCount: chunks.length,
    ...(resumedAtChunk > 0 ? { resumedAtChunk } : {}),
    ...(via.signature ? { signature: via.signature } : {}),
  };
}

/** Where the changes file came from, as the manifest lists it. */
function changesPath(via: Extract<DeltaDelivery, { kind: 'changes' }>): string {
  const entry = via.manifest.manifest.changes.find((c) => c.from === via.changes.from);
  return entry ? `"${entry.path}"` : `from ${via.changes.from}`;
}
