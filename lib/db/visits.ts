// Topics of pages the user read while the extension was on: a local-only signal for "where
// can I take part?". A topic counts once per calendar day however many pages name it, its
// weight grows with the days and fades with time, and old entries are pruned. Nothing here
// leaves the device: no sync writes it, and the local-data export leaves it out on purpose
// (it is browsing history). The user can clear it and turn it off (lib/settings.ts).
import type { ConstellationDB } from './database';
import { topicsByRef } from './queries';
import type { Ref, TopicVisitRow } from './schema';

export const VISIT_WEIGHTS = {
  /** Weight added per distinct day with a page about the topic… */
  perDay: 1,
  /** …up to this (a declared interest weighs 3: reading is a weaker signal than saying). */
  cap: 3,
  /** The weight halves every this many days since the last visit. */
  halfLifeDays: 30,
} as const;

/** Entries not refreshed for this long are forgotten. */
export const VISIT_RETENTION_DAYS = 180;
/** At most this many topics are kept (the least recently seen go first). */
export const MAX_VISITED_TOPICS = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar day of `when`, as YYYY-MM-DD. */
export function localDay(when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d) / DAY_MS);
}

/** Records that a page about these topics was read now. Returns how many rows changed. */
export async function recordTopicVisits(
  db: ConstellationDB,
  topics: readonly Ref[],
  now = new Date(),
): Promise<number> {
  const today = localDay(now);
  const unique = [...new Map(topics.map((t) => [`${t.feedId}\u0000${t.id}`, t])).values()];
  if (unique.length === 0) return 0;
  return db.transaction('rw', db.topicVisits, async () => {
    const keys = unique.map((t) => [t.feedId, t.id] as [string, string]);
    const existing = await db.topicVisits.bulkGet(keys);
    const changed: TopicVisitRow[] = [];
    unique.forEach((topic, i) => {
      const row = existing[i];
      if (!row) {
        changed.push({
          feedId: topic.feedId,
          topic: topic.id,
          days: 1,
          firstDay: today,
          lastDay: today,
        });
      } else if (row.lastDay !== today) {
        changed.push({ ...row, days: row.days + 1, lastDay: today });
      }
    });
    if (changed.length > 0) await db.topicVisits.bulkPut(changed);
    await prune(db, now);
    return changed.length;
  });
}

async function prune(db: ConstellationDB, now: Date): Promise<void> {
  const cutoff = localDay(new Date(now.getTime() - VISIT_RETENTION_DAYS * DAY_MS));
  await db.topicVisits.where('lastDay').below(cutoff).delete();
  const excess = (await db.topicVisits.count()) - MAX_VISITED_TOPICS;
  if (excess > 0) {
    const oldest = await db.topicVisits.orderBy('lastDay').limit(excess).primaryKeys();
    await db.topicVisits.bulkDelete(oldest);
  }
}

/** The suggestion weight of one visited topic at `now`. */
export function visitWeight(row: TopicVisitRow, now = new Date()): number {
  const age = Math.max(0, dayNumber(localDay(now)) - dayNumber(row.lastDay));
  const base = Math.min(VISIT_WEIGHTS.cap, row.days * VISIT_WEIGHTS.perDay);
  return base * 0.5 ** (age / VISIT_WEIGHTS.halfLifeDays);
}

export interface VisitedTopic {
  feedId: string;
  topic: string;
  days: number;
  lastDay: string;
  weight: number;
}

/** Every remembered topic with its weight, strongest first. */
export async function visitedTopics(
  db: ConstellationDB,
  now = new Date(),
): Promise<VisitedTopic[]> {
  const rows = await db.topicVisits.toArray();
  return rows
    .map((row) => ({
      feedId: row.feedId,
      topic: row.topic,
      days: row.days,
      lastDay: row.lastDay,
      weight: visitWeight(row, now),
    }))
    .sort((a, b) => b.weight - a.weight || b.lastDay.localeCompare(a.lastDay));
}

/** Forgets every remembered topic. */
export async function clearTopicVisits(db: ConstellationDB): Promise<void> {
  await db.topicVisits.clear();
}

/** The strongest `limit` remembered topics with their labels, and how many there are. */
export async function visitedTopicsWithLabels(
  db: ConstellationDB,
  limit: number,
): Promise<{ total: number; shown: (VisitedTopic & { label: string })[] }> {
  const all = await visitedTopics(db);
  const shown = all.slice(0, limit);
  const topics = await topicsByRef(
    db,
    shown.map((v) => ({ feedId: v.feedId, id: v.topic })),
  );
  return {
    total: all.length,
    shown: shown.map((v, i) => ({ ...v, label: topics[i]?.label ?? v.topic })),
  };
}
