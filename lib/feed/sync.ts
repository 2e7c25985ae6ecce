// One sync of one configured feed: lease → conditional fetch → (signature) → validate →
// refusals → diff → chunked generation → switch → report. Free of browser.* (fetch, clock,
// randomness and the lease probe are injected), so it runs against fake-indexeddb in unit
// tests and against real IndexedDB in the extension and the benchmark.
import type { ConstellationDB } from '../db/database';
import {
  discardPending,
  getSource,
  listSources,
  openGeneration,
  recordValidators,
  storedRowsByKey,
  switchGeneration,
  chunksOf,
  STREAMED_PLAN,
} from '../db/generations';
import { hasVisibleGeneration, storedFingerprint, storedKeysFingerprint } from '../db/fingerprints';
import type { FeedRow } from '../db/schema';
import { acquireLease, releaseLease } from '../db/sync-lease';
import type { LeaseRow, SyncDelivery, SyncReportRow, SyncSourceRow } from '../db/sync-schema';
import { saveReport, syncReport } from '../db/sync-status';
import { feedRow as storedFeedRow } from '../db/feeds';
import { planSync, storedCounts } from './diff';
import { appendRows, feedRecords } from '../db/rows';
import { packStream } from '../db/packs';
import { landChanges } from './land-changes';
import { FEED_LISTS, type FeedList } from '../model/lists';
import { DEFAULT_CHUNK_SIZE, demoFeedIds, progress, writeChunks } from './write-generation';
import { membersOnlyOfRows } from '../db/visible-counts';
import {
  DEFAULT_LIMITS,
  fetchFeedBody,
  type FetchLike,
  type FetchLimits,
  type FetchOutcome,
} from './fetch';
import {
  deliverByDelta,
  deliveryOf,
  holdBase,
  recordLanded,
  type DeltaDelivery,
} from './delta-sync';
import { checkSignature } from './signature-check';
import { feedUrlProblem } from './feed-form';
import { refusalOf } from './refusals';
import { feedVerdict } from './verdict';
import { downloadReporter } from './download-progress';
import { nextAttemptAt } from './schedule';
import { sha256Hex } from './digest';
import { takeBytes } from './parse-body';
import {
  failure,
  newReport,
  notModified,
  PROBLEMS_KEPT,
  refused,
  syncProblem,
  askedToWait,
  waitFor,
  withKept,
  type ReportDraft,
} from './report';

export interface FeedTarget {
  url: string;
  label: string;
  intervalMinutes: number;
  publicKey?: string;
}

export interface SyncProgress {
  url: string;
  /**
   * downloading → fetched → (verifying) → validating → validated → writing → switched. Only
   * `downloading` reports may be dropped (they are throttled); the others always come.
   */
  phase:
    'downloading' | 'fetched' | 'verifying' | 'validating' | 'validated' | 'writing' | 'switched';
  chunksDone: number;
  chunkCount: number;
  /** While downloading: bytes received so far, and the declared size when known. */
  receivedBytes?: number;
  totalBytes?: number;
  /** While writing: records written so far of those to write. */
  recordsDone?: number;
  recordCount?: number;
  /** While writing the lookup lists (after the records): lists written so far, of `INDEX_LISTS`. */
  indexesDone?: number;
}

export interface SyncDeps {
  db: ConstellationDB;
  fetch: FetchLike;
  /** Lease owner: one id per worker instance. */
  owner: string;
  maxInvalidShare: number;
  limits?: FetchLimits;
  chunkSize?: number;
  now?: () => number;
  random?: () => number;
  isLeaseAbandoned?: (holder: LeaseRow) => Promise<boolean>;
  /** Largest document kept as a base for deltas (default: BASE_MAX_BYTES; tests set less). */
  baseMaxBytes?: number;
  /** Awaited after each step and chunk: keeps the worker alive; tests pause here. */
  onProgress?: (progress: SyncProgress) => Promise<void> | void;
}

export async function syncFeed(deps: SyncDeps, target: FeedTarget): Promise<SyncReportRow> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const { db, owner } = deps;
  const { url } = target;
  const lease = await acquireLease(db, url, owner, {
    now: startedAt,
    ...(deps.isLeaseAbandoned ? { isAbandoned: deps.isLeaseAbandoned } : {}),
  });
  const previous = await syncReport(db, url);
  if (!lease.ok) {
    // Not stored: the holder will write the real report.
    return {
      ...(previous ?? {}),
      ...newReport(url, startedAt, now(), {
        outcome: 'busy',
        message: 'Another sync of this feed is running; it will be retried.',
      }),
      failures: previous?.failures ?? 0,
      nextAttemptAt: new Date(lease.holder.expiresAt + 1000).toISOString(),
    };
  }
  let draft: ReportDraft;
  try {
    draft = await runSync(deps, target);
  } catch (error) {
    draft = failure(error);
    if (isQuotaError(error)) {
      await discardPending(db, url).catch(() => undefined);
      draft = {
        outcome: 'failed',
        message:
          'The browser refused to store more data (storage quota exceeded); the previous data stays.',
        problems: [{ path: '', reason: describe(error) }],
      };
    }
  } finally {
    await releaseLease(db, url, owner).catch(() => undefined);
  }
  const failed = draft.outcome === 'failed' || draft.outcome === 'refused';
  const failures = failed ? (previous?.failures ?? 0) + 1 : 0;
  const finishedAt = now();
  const next = nextAttemptAt({
    now: finishedAt,
    intervalMinutes: target.intervalMinutes,
    failures,
    ...(draft.retryAfterMs !== undefined ? { retryAfterMs: draft.retryAfterMs } : {}),
    ...(deps.random ? { random: deps.random } : {}),
  });
  const lastSuccessAt = failed ? previous?.lastSuccessAt : new Date(finishedAt).toISOString();
  const report: SyncReportRow = {
    ...newReport(url, startedAt, finishedAt, draft),
    failures,
    nextAttemptAt: new Date(next).toISOString(),
    ...(lastSuccessAt ? { lastSuccessAt } : {}),
  };
  if (!report.feedId && previous?.feedId) report.feedId = previous.feedId;
  await saveReport(db, report);
  return report;
}

async function runSync(deps: SyncDeps, target: FeedTarget): Promise<ReportDraft> {
  const { db } = deps;
  const { url } = target;
  const now = deps.now ?? Date.now;
  const source = await getSource(db, url);
  const active = source.feedId ? await hasVisibleGeneration(db, source.feedId) : false;
  const urlProblem = feedUrlProblem(url);
  if (urlProblem) {
    return {
      outcome: 'failed',
      message: withKept(urlProblem, source, active),
      problems: [{ path: '', reason: urlProblem }],
    };
  }
  const limits = deps.limits ?? DEFAULT_LIMITS;
  // The delta protocol first (a manifest beside the feed); the whole document otherwise.
  const viaDelta = await deliverByDelta(
    { db, fetch: deps.fetch, limits, now },
    target,
    source,
    active,
  );
  if (viaDelta.kind === 'wait') return waitFor(viaDelta, source, active);
  if (viaDelta.kind === 'not-modified') {
    if (source.pending) await discardPending(db, url);
    return {
      ...notModified(
        source,
        viaDelta.status,
        viaDelta.status === 304
          ? 'The server says the feed’s manifest has not changed (HTTP 304).'
          : 'The feed’s manifest names the document stored.',
      ),
      delivery: { via: 'manifest', receivedBytes: viaDelta.received },
    };
  }
  // Every outcome from here on (refusals and failures too) says how the document came.
  const delivered: { delivery?: SyncDelivery } = {};
  let via: Exclude<DeltaDelivery, { kind: 'not-modified' | 'changes' }>;
  if (viaDelta.kind === 'changes') {
    const landed = await landChanges(deps, target, source, viaDelta);
    if (!('fallback' in landed))
      return {
        ...landed,
        delivery: { via: 'changes', receivedBytes: viaDelta.received },
      };
    // What the changes could not prove, the whole document settles (and says why).
    via = {
      kind: 'whole',
      manifest: viaDelta.manifest,
      received: viaDelta.received,
      note: landed.fallback,
    };
  } else {
    via = viaDelta;
  }
  const draft = await landDocument(deps, target, source, active, via, delivered);
  const { note } = via;
  return {
    ...draft,
    ...(delivered.delivery ? { delivery: delivered.delivery } : {}),
    ...(note ? { message: `${draft.message} The feed delta was not used: ${note}.` } : {}),
  };
}

async function landDocument(
  deps: SyncDeps,
  target: FeedTarget,
  source: SyncSourceRow,
  active: boolean,
  viaDelta: Exclude<DeltaDelivery, { kind: 'not-modified' | 'changes' }>,
  delivered: { delivery?: SyncDelivery },
): Promise<ReportDraft> {
  const { db, owner } = deps;
  const { url } = target;
  const now = deps.now ?? Date.now;
  // Without a visible generation (first sync, evicted database) nothing may be skipped.
  const validators = active ? source.validators : {};
  const download = downloadReporter(deps, url, now);
  const fetched: FetchOutcome =
    viaDelta.kind === 'rebuilt'
      ? { kind: 'body', status: 200, bytes: viaDelta.bytes, validators: source.validators }
      : await fetchFeedBody(
          deps.fetch,
          url,
          validators,
          deps.limits ?? DEFAULT_LIMITS,
          now,
          download.report,
        ).finally(download.stop);
  delivered.delivery = deliveryOf(viaDelta, fetched);
  if (fetched.kind === 'failed') {
    return {
      outcome: 'failed',
      message: withKept(
        `Could not download the feed: ${fetched.message}${askedToWait(fetched.retryAfterMs)}.`,
        source,
        active,
      ),
      problems: [{ path: '', reason: fetched.message }],
      ...(fetched.status !== undefined ? { httpStatus: fetched.status } : {}),
      ...(fetched.retryAfterMs !== undefined ? { retryAfterMs: fetched.retryAfterMs } : {}),
    };
  }
  if (fetched.kind === 'not-modified') {
    // A generation left pending by an interrupted sync was for a document the server no
    // longer serves: drop its rows now rather than keep them until the next change.
    if (source.pending) await discardPending(db, url);
    await recordValidators(db, url, fetched.validators);
    return notModified(source, 304, 'The server says the feed has not changed (HTTP 304).');
  }
  const { status, validators: served } = fetched;
  // A rebuilt document was already checked against the manifest's SHA-256.
  const digest =
    viaDelta.kind === 'rebuilt'
      ? viaDelta.manifest.manifest.document.sha256
      : await sha256Hex(fetched.bytes);
  if (active && !source.pending && digest === source.digest) {
    await recordValidators(db, url, served);
    await recordLanded(db, url, digest, viaDelta);
    return notModified(source, status, 'The feed is byte for byte the one stored.');
  }
  await holdBase(db, url, digest, fetched.bytes, viaDelta, deps.baseMaxBytes);
  await progress(deps, { url, phase: 'fetched', chunksDone: 0, chunkCount: 0 });

  // A rebuilt document is vouched for by the signed manifest that names its SHA-256.
  let signature: string | undefined = viaDelta.kind === 'rebuilt' ? viaDelta.signature : undefined;
  if (target.publicKey?.trim() && viaDelta.kind !== 'rebuilt') {
    await progress(deps, { url, phase: 'verifying', chunksDone: 0, chunkCount: 0 });
    const verdict = await checkSignature(deps, url, target.publicKey, fetched);
    if (!verdict.ok)
      return verdict.wait
        ? waitFor(verdict.wait, source, active)
        : refused(verdict.reason, source, active, '', status);
    signature = verdict.algorithm;
  }
  await progress(deps, { url, phase: 'validating', chunksDone: 0, chunkCount: 0 });
  // From here on only the parsed document is needed: the body is handed over, not kept.
  // The same verdict as `constellation-feed validate` (verdict.ts).
  const verdict = feedVerdict(takeBytes(fetched), { maxInvalidShare: deps.maxInvalidShare });
  if (!verdict.ok) {
    const { error } = verdict.validation;
    return refused(error.reason, source, active, error.path ?? '', status);
  }
  const { feed, problems } = verdict.validation;
  const others = (await listSources(db)).filter((s) => s.url !== url);
  const servedBy = others.find(
    (s) => s.feedId === feed.feedId || s.pending?.feedId === feed.feedId,
  );
  const stored = await storedFeedRow(db, feed.feedId);
  const refusal = refusalOf(feed, {
    ...(source.feedId && source.generation > 0
      ? {
          landed: {
            feedId: source.feedId,
            ...(source.generatedAt ? { generatedAt: source.generatedAt } : {}),
          },
        }
      : {}),
    ...(servedBy ? { servedBy: servedBy.url } : {}),
    isDemoFeedId: stored?.source === 'demo',
    ...(verdict.threshold ? { threshold: verdict.threshold } : {}),
    accepted: source.accepted?.digest === digest,
    now: now(),
  });
  if (refusal) {
    return {
      ...refused(refusal.reason, source, active, refusal.path ?? '', status, problems),
      verdict: verdict.counts,
      summary: verdict.sentence,
      ...(refusal.acceptable ? { acceptable: { digest } } : {}),
    };
  }
  await progress(deps, { url, phase: 'validated', chunksDone: 0, chunkCount: 0 });

  const fingerprint = stored
    ? ((await storedFingerprint(db, feed.feedId)) ?? (await storedKeysFingerprint(db, feed.feedId)))
    : undefined;
  const plan = planSync(feed, problems, fingerprint);
  // The new generation is the document's records (its own objects, not copied) plus the
  // stored versions of those it left out as invalid.
  const rows = appendRows(
    feedRecords(feed),
    stored ? await storedRowsByKey(db, feed.feedId, plan.kept) : undefined,
  );
  const membersOnly = membersOnlyOfRows(rows.communities, rows.memberships);
  const recordCount = FEED_LISTS.reduce((n, list) => n + rows[list].length, 0);
  // The packs are planned as they are written, one list at a time (packStream): the lists
  // planned so far are let go of once written, each index list's keys exist only while it is
  // written, and each record list is let go of once the last list that reads it is planned.
  // The stream holds the records from here: the document's lists and the rows' are emptied.
  const chunks = chunksOf(packStream(rows), deps.chunkSize ?? DEFAULT_CHUNK_SIZE);
  letGoOfLists(feed);
  letGoOfLists(rows);
  let pending = await openGeneration(db, {
    url,
    feedId: feed.feedId,
    digest,
    mode: stored ? 'staged' : 'direct',
    plan: STREAMED_PLAN,
    owner,
    now: new Date(now()),
  });
  const resumedAtChunk = pending.chunksDone;
  pending = await writeChunks(deps, url, pending, chunks, recordCount);
  const chunkCount = pending.chunksDone;
  const feedRow: FeedRow = {
    feedId: feed.feedId,
    source: 'url',
    url,
    organization: feed.organization.name,
    generatedAt: feed.generatedAt,
    ingestedAt: new Date(now()).toISOString(),
    counts: storedCounts(plan.fingerprint),
  };
  const demoIds = await demoFeedIds(db);
  const retire = [
    ...demoIds,
    ...(source.feedId && source.feedId !== feed.feedId ? [source.feedId] : []),
  ];
  await switchGeneration(db, {
    url,
    owner,
    pending,
    feedRow,
    membersOnly,
    fingerprint: plan.fingerprint,
    validators: served,
    retire,
    now: new Date(now()),
  });
  await recordLanded(db, url, digest, viaDelta);
  await progress(deps, {
    url,
    phase: 'switched',
    chunksDone: chunkCount,
    chunkCount,
  });
  const c = plan.counts;
  const problemsText =
    verdict.counts.faulty + verdict.counts.dependent + verdict.counts.dropped > 0
      ? ` ${verdict.sentence}${c.kept ? ` ${c.kept} of them kept their previous version.` : ''}`
      : '';
  return {
    outcome: 'updated',
    feedId: feed.feedId,
    generatedAt: feed.generatedAt,
    httpStatus: status,
    counts: c,
    message: `Updated ${feed.organization.name}: ${c.added} added, ${c.changed} changed, ${c.removed} removed.${problemsText}`,
    summary: verdict.sentence,
    verdict: verdict.counts,
    problems: problems.slice(0, PROBLEMS_KEPT).map(syncProblem),
    problemCount: problems.length,
    chunkCount,
    ...(resumedAtChunk > 0 ? { resumedAtChunk } : {}),
    ...(signature ? { signature } : {}),
  };
}

/** Empties every list of a document or its rows (what is left of them is their envelope). */
function letGoOfLists(lists: Record<FeedList, unknown[]>): void {
  for (const list of FEED_LISTS) lists[list] = [];
}

function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (e) => (e as { name?: string } | null)?.name,
  );
  return names.includes('QuotaExceededError');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
