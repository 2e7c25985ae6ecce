// The typed Dexie database. Feed tables hold synced data and are replaced per feed; local
// tables hold the user's own data and are never written by a sync. Only lib/db knows table
// names; everything else goes through the query and ingest functions.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type {
  FeedRow,
  FollowRow,
  MeRow,
  MyExpertiseRow,
  MyMembershipRow,
  NoteRow,
  TopicVisitRow,
} from './schema';
import type { PackRow } from './packs';
import { FEED_LISTS } from '../model/lists';
import { packStoredFeeds } from './pack-upgrade';
import type {
  FingerprintLayerRow,
  FingerprintRow,
  LeaseRow,
  StagedRow,
  SyncReportRow,
  SyncSourceRow,
} from './sync-schema';
import type { BaseRow, ManifestStateRow } from './sync-bases';
import type { CommunityDigestRow } from './community-digest';
import { DATABASE_NAME } from './database-id';

/**
 * Schema history. Only fields the product queries are indexed; everything else rides along
 * in the row. Compound primary keys [feedId+id] let several feeds coexist with the same ids.
 * Add a new `version(n)` (with an upgrade when rows change shape) — never edit a shipped one.
 */
const SCHEMA_V1 = {
  feeds: 'feedId',
  units: '[feedId+id], parent',
  people: '[feedId+id], *handleKeys, *emailKeys, *nameKeys, *tokens, [feedId+unit]',
  topics: '[feedId+id], *nameKeys, *tokens',
  communities: '[feedId+id], *topics, *tokens',
  memberships: '[feedId+person+community], [feedId+person], [feedId+community]',
  expertise: '[feedId+person+topic], [feedId+person], [feedId+topic]',
  // Local data.
  me: 'key',
  follows: '[feedId+community]',
  myMemberships: '[feedId+community]',
  myExpertise: '[feedId+topic]',
  notes: '++id, [target+feedId+targetId]',
} as const;

/**
 * Version 2 adds the sync bookkeeping (lib/db/sync-schema.ts): sources with their generation
 * checkpoint, staged rows of a pending generation, record fingerprints, leases, reports.
 * Feed and local tables are unchanged.
 */
const SCHEMA_V2 = {
  syncSources: 'url',
  syncStaging: '[feedId+list+key]',
  syncFingerprints: 'feedId',
  syncLeases: 'url',
  syncReports: 'url',
} as const;

/**
 * Version 3 adds the topics of pages the user read (lib/db/visits.ts): local, a suggestion
 * signal for "where can I take part?", cleared by the user or when they turn it off.
 */
const SCHEMA_V3 = {
  topicVisits: '[feedId+topic], lastDay',
} as const;

/**
 * Version 4 adds the feed delta protocol's state (lib/db/sync-bases.ts): earlier documents a
 * delta can be applied to, and per URL what its manifest last said. Nothing else changes.
 */
const SCHEMA_V4 = {
  syncBases: '[url+digest]',
  syncManifests: 'url',
} as const;

/**
 * Version 5 stores each feed as packs (lib/db/packs.ts): a few thousand rows per generation
 * instead of one row per record. The six feed tables of version 1 stay declared (a schema
 * never loses a shipped table) but are emptied: the upgrade packs what they held.
 */
const SCHEMA_V5 = {
  packs: '[feedId+gen+list+first]',
} as const;

/**
 * Version 6 keeps what changes files changed in a feed's fingerprint apart from the whole
 * fingerprint (lib/db/fingerprints.ts), so a small change writes a small row; and indexes the
 * generation a whole fingerprint was written at, so a change can check it without reading
 * the row (tens of megabytes at 300,000 people).
 */
const SCHEMA_V6 = {
  syncFingerprints: 'feedId, gen',
  syncFingerprintLayers: 'feedId',
} as const;

/**
 * Version 7 keeps the digests of large communities (lib/db/community-digest.ts): derived data,
 * per feed, generation and community, so the popup lists one without reading every member.
 */
const SCHEMA_V7 = {
  communityDigests: '[feedId+gen+community+part]',
} as const;

/** The version-1 tables that held one row per record, named after the lists; empty since version 5. */
export const FEED_TABLES = FEED_LISTS;
export const LOCAL_TABLES = ['me', 'follows', 'myMemberships', 'myExpertise', 'notes'] as const;

export class ConstellationDB extends Dexie {
  feeds!: Table<FeedRow, string>;
  packs!: Table<PackRow, [string, number, string, string]>;
  me!: Table<MeRow, string>;
  follows!: Table<FollowRow, [string, string]>;
  myMemberships!: Table<MyMembershipRow, [string, string]>;
  myExpertise!: Table<MyExpertiseRow, [string, string]>;
  notes!: Table<NoteRow, number>;
  syncSources!: Table<SyncSourceRow, string>;
  syncStaging!: Table<StagedRow, [string, string, string]>;
  syncFingerprints!: Table<FingerprintRow, string>;
  syncFingerprintLayers!: Table<FingerprintLayerRow, string>;
  syncLeases!: Table<LeaseRow, string>;
  syncReports!: Table<SyncReportRow, string>;
  topicVisits!: Table<TopicVisitRow, [string, string]>;
  syncBases!: Table<BaseRow, [string, string]>;
  syncManifests!: Table<ManifestStateRow, string>;
  communityDigests!: Table<CommunityDigestRow, [string, number, string, string]>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5).upgrade(packStoredFeeds);
    this.version(6).stores(SCHEMA_V6);
    this.version(7).stores(SCHEMA_V7);
  }
}

let shared: ConstellationDB | undefined;

/** The extension's database (one connection per extension context). */
export function openDatabase(): ConstellationDB {
  shared ??= new ConstellationDB();
  return shared;
}
