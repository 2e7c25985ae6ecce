// Test support: a database with the demo organisation (fake-indexeddb) answered through the
// real background handlers, and a client that records what a page sent.
import { readFileSync } from 'node:fs';
import type { AnnotateClient } from '../../../lib/annotate/client';
import {
  annotatePersonCard,
  annotateResolve,
  annotateTopicCard,
  annotateVocabulary,
} from '../../../lib/background/annotate';
import { annotateCommunityCard } from '../../../lib/background/community-card';
import type { ConstellationDB } from '../../../lib/db/database';
import { replaceFeed } from '../../../lib/db/ingest';
import type { IdentityQuery } from '../../../lib/match/identity';
import { validateFeedText } from '../../../lib/model/validate';
import { emptyTestDb } from '../../fixtures/test-db';

export async function demoTestDb(): Promise<ConstellationDB> {
  const result = validateFeedText(
    readFileSync(new URL('../../../public/demo-feed.json', import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error(result.error.reason);
  const db = emptyTestDb();
  await replaceFeed(db, result.feed, { source: 'demo', now: new Date('2026-11-21T08:00:00Z') });
  return db;
}

export interface RecordingClient extends AnnotateClient {
  queries: IdentityQuery[];
  vocabularyCalls: number;
  /** Each noteTopics call's topic ids, in order. */
  notedTopics: string[][];
}

export function recordingClient(db: ConstellationDB): RecordingClient {
  const client: RecordingClient = {
    queries: [],
    vocabularyCalls: 0,
    notedTopics: [],
    async vocabulary() {
      client.vocabularyCalls++;
      return (await annotateVocabulary(db, undefined)).vocabulary!;
    },
    resolve(query) {
      client.queries.push(structuredClone(query));
      return annotateResolve(db, query);
    },
    personCard: (ref) => annotatePersonCard(db, ref),
    topicCard: (ref, context) => annotateTopicCard(db, ref, context),
    communityCard: (ref) => annotateCommunityCard(db, ref),
    async noteTopics(refs) {
      client.notedTopics.push(refs.map((r) => r.id));
    },
  };
  return client;
}
