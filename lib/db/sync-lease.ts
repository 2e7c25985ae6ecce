// One sync per feed at a time, across worker restarts: a lease row (owner + expiry) in
// IndexedDB. A live sync renews it on every chunk; a worker that dies leaves a lease that
// expires, or that the caller's probe recognises as abandoned (in the extension: no Web Lock
// is held under the owner's name, because Web Locks die with their worker), and is taken over.
// Every generation write checks the lease in its own transaction (fencing, generations.ts).
import type { ConstellationDB } from './database';
import type { LeaseRow } from './sync-schema';

const LEASE_TTL_MS = 30_000;

export type LeaseResult = { ok: true } | { ok: false; holder: LeaseRow };

export interface LeaseOptions {
  ttlMs?: number;
  now?: number;
  /** True when the holder is known to be gone although its lease has not expired. */
  isAbandoned?: (holder: LeaseRow) => Promise<boolean>;
}

export async function acquireLease(
  db: ConstellationDB,
  url: string,
  owner: string,
  options: LeaseOptions = {},
): Promise<LeaseResult> {
  const ttl = options.ttlMs ?? LEASE_TTL_MS;
  const now = options.now ?? Date.now();
  const holder = await db.syncLeases.get(url);
  const free = !holder || holder.owner === owner || holder.expiresAt <= now;
  // The probe is asynchronous and not IndexedDB, so it runs outside the transaction below,
  // which then only takes over if the lease is still exactly the one probed.
  const abandoned =
    !free && holder && options.isAbandoned ? await options.isAbandoned(holder) : false;
  return db.transaction('rw', db.syncLeases, async () => {
    const current = await db.syncLeases.get(url);
    const takeOver =
      !current ||
      current.owner === owner ||
      current.expiresAt <= now ||
      (abandoned && current.owner === holder?.owner && current.expiresAt === holder.expiresAt);
    if (!takeOver) return { ok: false, holder: current };
    await db.syncLeases.put({ url, owner, expiresAt: now + ttl });
    return { ok: true };
  });
}

/** Extends the lease; false when it was lost (expired and taken over). */
export async function renewLease(
  db: ConstellationDB,
  url: string,
  owner: string,
  options: { ttlMs?: number; now?: number } = {},
): Promise<boolean> {
  return db.transaction('rw', db.syncLeases, async () => {
    const current = await db.syncLeases.get(url);
    if (!current || current.owner !== owner) return false;
    await db.syncLeases.put({
      url,
      owner,
      expiresAt: (options.now ?? Date.now()) + (options.ttlMs ?? LEASE_TTL_MS),
    });
    return true;
  });
}

export async function releaseLease(db: ConstellationDB, url: string, owner: string): Promise<void> {
  await db.transaction('rw', db.syncLeases, async () => {
    const current = await db.syncLeases.get(url);
    if (current?.owner === owner) await db.syncLeases.delete(url);
  });
}
