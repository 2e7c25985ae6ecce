// What IndexedDB costs per stored value and per byte in this Chromium, for values of one size
// each (what the pack sizes of lib/db/packs.ts weigh): the same 16 MB of text stored as
// values of 2 KB up to 1 MB, then read whole with one getAll, written in one transaction, and
// read one value at a time. Each size has a database of its own, deleted afterwards.
import { median } from '../../lib/stats';

export interface ValueSizeResult {
  label: string;
  bytes: number;
  values: number;
  getAllMs: number;
  writeMs: number;
  getP50Ms: number;
  getP95Ms: number;
}

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function deleted(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Milliseconds from issuing `request` to its success. */
function timed(issue: () => IDBRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = issue();
    request.onsuccess = () => resolve(performance.now() - start);
    request.onerror = () => reject(request.error);
  });
}

/** `length` characters of pseudo-random lines (compressible like real records, not trivially). */
function text(length: number, seed: number): string {
  let out = '';
  let x = seed + 1;
  while (out.length < length) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += `${x.toString(36)}\n`;
  }
  return out.slice(0, length);
}

export async function runValueSizes(
  totalBytes: number,
  sizes: number[],
  runs: number,
): Promise<ValueSizeResult[]> {
  const out: ValueSizeResult[] = [];
  for (const bytes of sizes) {
    const name = `bench-idb-values-${bytes}`;
    await deleted(name);
    const db = await openDb(name);
    try {
      const count = Math.max(1, Math.round(totalBytes / bytes));
      const values = Array.from({ length: count }, (_, i) => ({ data: text(bytes, i) }));
      const writeStart = performance.now();
      const tx = db.transaction('s', 'readwrite');
      for (let i = 0; i < count; i++) tx.objectStore('s').put(values[i], i);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const writeMs = performance.now() - writeStart;
      const store = () => db.transaction('s', 'readonly').objectStore('s');
      // The first getAll is discarded (cold caches).
      const getAll: number[] = [];
      for (let r = 0; r <= runs; r++) getAll.push(await timed(() => store().getAll()));
      getAll.shift();
      const gets: number[] = [];
      for (let r = 0; r < 60; r++) gets.push(await timed(() => store().get((r * 7919) % count)));
      gets.sort((a, b) => a - b);
      out.push({
        label: bytes >= 1e6 ? `${bytes / 1e6} MB` : `${bytes / 1000} kB`,
        bytes,
        values: count,
        getAllMs: median(getAll),
        writeMs,
        getP50Ms: gets[Math.floor(gets.length / 2)]!,
        getP95Ms: gets[Math.floor(gets.length * 0.95)]!,
      });
    } finally {
      db.close();
      await deleted(name);
    }
  }
  return out;
}
