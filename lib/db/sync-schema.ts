// Row types of the sync bookkeeping tables (schema version 2): one source row per configured
// feed URL (its active generation, HTTP validators and the checkpoint of a generation being
// written), staged rows of a pending generation, per-feed record fingerprints for diffing,
// the per-feed lease, and the sync report shown in options and the popup.
import type { FeedList } from '../model/feed';
import type { ProblemEffect } from '../model/validate';
import type { VerdictCounts } from '../feed/verdict';
import type {
  CommunityRow,
  ExpertiseRow,
  MembershipRow,
  PersonRow,
  TopicRow,
  UnitRow,
} from './schema';

/** A row of one of the six feed tables. */
export type FeedTableRow =
  UnitRow | PersonRow | TopicRow | CommunityRow | MembershipRow | ExpertiseRow;

/** HTTP validators of the body that produced the active generation. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

/**
 * A generation being written: the feed's packs under `gen`, invisible until the switch names
 * `gen` in the feed's `feeds` row. `direct`: the feed has no visible generation yet;
 * `staged`: it has one, which stays visible until the switch; `overlay`: a layer of the groups a
 * changes file replaced, over the packs of generation `base` (lib/db/overlay.ts).
 */
export interface PendingGeneration {
  generation: number;
  /** The packs' generation number (lib/db/packs.ts), unique for the feed forever. */
  gen: number;
  feedId: string;
  mode: 'direct' | 'staged' | 'overlay';
  /** `overlay` mode: the generation whose packs the layer lies over. */
  base?: number;
  /** SHA-256 (hex) of the body: a resumed sync must be writing the very same document. */
  digest: string;
  /**
   * The generation's chunks: set when it is opened if its packs were planned before writing,
   * else (planned as they are written) by the write of its last chunk. A generation can be
   * switched to only once this is set and every chunk is written.
   */
  chunkCount?: number;
  /** The planning of a generation whose packs are planned as they are written (`STREAMED_PLAN`). */
  plan?: string;
  /** Chunks written so far; advanced in the same transaction as the chunk's rows. */
  chunksDone: number;
  startedAt: string;
}

export interface SyncSourceRow {
  /** The configured feed URL: the identity of a source. */
  url: string;
  /** The feedId its active generation serves (absent until a first generation lands). */
  feedId?: string;
  /** Active generation number; 0 = nothing landed yet. */
  generation: number;
  generatedAt?: string;
  digest?: string;
  validators: FeedValidators;
  switchedAt?: string;
  pending?: PendingGeneration;
  /**
   * The user accepted this document (by SHA-256 of its bytes) despite an acceptable refusal
   * (older generation, another feed id, too many invalid records): it lands on the next sync.
   */
  accepted?: { digest: string; at: string };
}

/**
 * One added/changed row (`row` set) or one removal (`row` absent) of a staged generation of
 * schema versions 2–4; the version 5 upgrade empties the table (generations are packs now).
 */
export interface StagedRow {
  feedId: string;
  list: FeedList;
  /** The record's key within its list ("id", or "person\u0000community" / "person\u0000topic"). */
  key: string;
  row?: FeedTableRow;
}

/**
 * Content hashes of every stored record of a feed, per list. Packed for IndexedDB: all keys in
 * one "\n"-joined string (ids never contain white space) and the hashes in a Float64Array, so
 * a 500k-record fingerprint is stored and read as two flat values instead of 500k entries.
 */
interface PackedFingerprintList {
  keys: string;
  hashes: Float64Array;
}

export interface FingerprintRow {
  feedId: string;
  /** The generation written from the whole document this is the fingerprint of. */
  gen?: number;
  lists: Record<FeedList, PackedFingerprintList>;
}

/**
 * What changes files changed in a feed's fingerprint since its whole one (`FingerprintRow`),
 * packed the same way: keys set to a hash, or removed (hash NaN). Written by each changes
 * landing instead of the whole fingerprint; deleted when a whole generation is written.
 */
export interface FingerprintLayerRow {
  feedId: string;
  /** The `gen` of the whole fingerprint this lies over. */
  over?: number;
  lists: Record<FeedList, PackedFingerprintList>;
}

/** In memory: record key → content hash, per list. */
export type FingerprintLists = Record<FeedList, Map<string, number>>;

/** Who holds a feed's sync, until when (ms since epoch). */
export interface LeaseRow {
  url: string;
  owner: string;
  expiresAt: number;
}

export type SyncOutcome =
  /** A new generation landed. */
  | 'updated'
  /** 304, or a 200 whose bytes equal the active generation's: nothing parsed or written. */
  | 'not-modified'
  /** The body was fetched but must not land (not a feed, rollback, signature, too many invalid). */
  | 'refused'
  /** Network, HTTP or storage failure. */
  | 'failed'
  /** Another sync of this feed holds the lease. */
  | 'busy';

export interface SyncCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Records left out, for their own faults or as dependents (previous versions kept). */
  invalid: number;
  /** Invalid records whose previously stored version was kept. */
  kept: number;
}

export interface SyncProblem {
  /** JSON path in the document, e.g. "people[3].emails[1]", or "" for the whole document. */
  path: string;
  reason: string;
  /** What it cost (absent: the whole document was refused for it). */
  effect?: ProblemEffect;
}

export interface SyncReportRow {
  url: string;
  feedId?: string;
  startedAt: string;
  finishedAt: string;
  outcome: SyncOutcome;
  /** One plain sentence for people: what happened and what stays shown. */
  message: string;
  httpStatus?: number;
  counts?: SyncCounts;
  /** The first problems (records skipped, or why the document was refused). */
  problems: SyncProblem[];
  problemCount: number;
  generatedAt?: string;
  signature?: string;
  /** Failures in a row (0 after a success or a not-modified). */
  failures: number;
  lastSuccessAt?: string;
  nextAttemptAt?: string;
  durationMs: number;
  /** Set when this sync resumed an interrupted generation: the chunk it resumed at. */
  resumedAtChunk?: number;
  /** Chunks the generation was written in. */
  chunkCount?: number;
  /** The verdict's sentence, the same the CLI prints: "5 of 3,929 records had problems…". */
  summary?: string;
  /** The verdict's numbers over the whole document. */
  verdict?: VerdictCounts;
  /** Set on a refusal the user may override: accepting sends this document's digest. */
  acceptable?: { digest: string };
  /** How the document came (feed delta protocol, docs/feed-format.md "Deltas"). */
  delivery?: SyncDelivery;
}

export interface SyncDelivery {
  /** `manifest`: the manifest alone said nothing changed; `delta`: rebuilt from a delta. */
  via: 'manifest' | 'delta' | 'changes' | 'document';
  /** Bytes received for this sync (after Content-Encoding was undone). */
  receivedBytes: number;
  /** Why the delta protocol was not used although the feed publishes it: what and where. */
  note?: string;
}
