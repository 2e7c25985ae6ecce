// Which database changes screens need not see: a small module of its own (no Dexie), since
// every screen's live query (components/useLiveQuery.ts) asks it, and the popup's first
// scripts must not load the database code.

/**
 * Tables whose writes change nothing a screen shows: a sync writes them before its switch (the
 * packs of a generation no `feeds` row names yet, its checkpoints and lease, fingerprints,
 * stored documents, manifests); screens read only the packs of the generations `feeds` rows
 * name, which never change. And the digests of large communities: what a screen would compute
 * the long way. What screens show changes with a `feeds` row (a switch, a removal), a report
 * (`syncReports`) or the user's own tables.
 */
const UNSHOWN_TABLES: ReadonlySet<string> = new Set([
  'packs',
  'syncSources',
  'syncStaging',
  'syncFingerprints',
  'syncFingerprintLayers',
  'syncLeases',
  'syncBases',
  'syncManifests',
  'communityDigests',
]);

/**
 * Does a change Dexie announces (the parts of a `storagemutated` event, named
 * "idb://database/table/index") touch only those tables? A sync's chunks and checkpoints do,
 * until the switch.
 */
export function changesNothingShown(parts: Record<string, unknown>): boolean {
  return Object.keys(parts).every((part) => UNSHOWN_TABLES.has(part.split('/')[3] ?? ''));
}
