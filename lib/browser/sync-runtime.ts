// What the sync needs from the service worker's runtime: fetch, a keep-alive while a long
// sync runs, and a liveness probe for leases. The worker holds a Web Lock named after its
// lease-owner id for its whole life; Web Locks are released when their worker dies, so a
// lease whose owner's lock is gone belongs to a dead worker and can be taken over at once.
import { browser } from 'wxt/browser';
import type { LeaseRow } from '../db/sync-schema';
import type { FetchLike } from '../feed/fetch';

const LOCK_PREFIX = 'constellation-sync-owner:';

export const fetchFeed: FetchLike = (url, init) => fetch(url, init);

/** A fresh owner id for this worker instance, held as a Web Lock until the worker dies. */
export function claimOwnerId(): string {
  const owner = crypto.randomUUID();
  void navigator.locks?.request(
    `${LOCK_PREFIX}${owner}`,
    () => new Promise<never>(() => undefined),
  );
  return owner;
}

export async function isOwnerGone(holder: LeaseRow): Promise<boolean> {
  if (!navigator.locks) return false;
  const { held = [] } = await navigator.locks.query();
  return !held.some((lock) => lock.name === `${LOCK_PREFIX}${holder.owner}`);
}

let lastPing = 0;

/** Extension API calls reset the MV3 worker's idle timer (Chrome 110+); call during work. */
export function keepAlive(): void {
  const now = Date.now();
  if (now - lastPing < 10_000) return;
  lastPing = now;
  void browser.runtime.getPlatformInfo().catch(() => undefined);
}
