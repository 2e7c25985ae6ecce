// PROBE (not committed): what a getAll costs per value and per byte in this Chromium.
import { median } from '../../../lib/stats';

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
function getAll(db: IDBDatabase): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = db.transaction('s', 'readonly').objectStore('s').getAll();
    req.onsuccess = () => resolve(performance.now() - t);
    req.onerror = () => reject(req.error);
  });
}
function getOne(db: IDBDatabase, key: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = db.transaction('s', 'readonly').objectStore('s').get(key);
    req.onsuccess = () => resolve(performance.now() - t);
    req.onerror = () => reject(req.error);
  });
}
function text(n: number, seed: number): string {
  let s = '';
  let x = seed;
  while (s.length < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += x.toString(36) + '\n';
  }
  return s.slice(0, n);
}

export async function runSizes() {
  const total = 16_000_000;
  const cases: [string, number, (i: number, size: number) => unknown][] = [
    ['string 2 KB', 2_000, (i, n) => ({ data: text(n, i) })],
    ['string 20 KB', 20_000, (i, n) => ({ data: text(n, i) })],
    ['bytes 100 KB', 100_000, (i, n) => ({ data: new TextEncoder().encode(text(n, i)) })],
    ['string 40 KB', 40_000, (i, n) => ({ data: text(n, i) })],
    ['string 60 KB', 60_000, (i, n) => ({ data: text(n, i) })],
    ['string 64.5 KB', 64_500, (i, n) => ({ data: text(n, i) })],
    ['string 66 KB', 66_000, (i, n) => ({ data: text(n, i) })],
    ['string 100 KB', 100_000, (i, n) => ({ data: text(n, i) })],
    ['string 70 KB', 70_000, (i, n) => ({ data: text(n, i) })],
    ['string 200 KB', 200_000, (i, n) => ({ data: text(n, i) })],
    ['string 1 MB', 1_000_000, (i, n) => ({ data: text(n, i) })],
  ];
  const out: Record<string, string> = {};
  for (const [label, size, make] of cases) {
    const name = `probe-${label}`;
    indexedDB.deleteDatabase(name);
    const db = await openDb(name);
    const count = Math.round(total / size);
    const values = Array.from({ length: count }, (_, i) => make(i, size));
    const w = performance.now();
    const tx = db.transaction('s', 'readwrite');
    for (let i = 0; i < count; i++) tx.objectStore('s').put(values[i], i);
    await done(tx);
    const writeMs = performance.now() - w;
    const times: number[] = [];
    for (let r = 0; r < 6; r++) times.push(await getAll(db));
    times.shift();
    const gets: number[] = [];
    for (let r = 0; r < 60; r++) gets.push(await getOne(db, (r * 7919) % count));
    gets.sort((a, b) => a - b);
    const ms = median(times);
    out[label] = `${count} values: getAll ${ms.toFixed(0)} ms, ${(ms / count).toFixed(3)} ms/value, ${(ms / (total / 1e6)).toFixed(1)} ms/MB; write ${writeMs.toFixed(0)} ms; one get p50 ${gets[30]!.toFixed(2)} p95 ${gets[57]!.toFixed(2)} ms`;
    db.close();
    indexedDB.deleteDatabase(name);
  }
  return out;
}
