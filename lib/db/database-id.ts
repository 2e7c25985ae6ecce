// The extension database's name and current schema version, for the one reader that opens it
// without Dexie (lib/db/first-screen-raw.ts). lib/db/database.ts declares the versions; a
// unit test checks that its last one is this.
export const DATABASE_NAME = 'constellation';

/** The last `version(n)` lib/db/database.ts declares (Dexie stores it as n × 10 in IndexedDB). */
export const SCHEMA_VERSION = 7;
