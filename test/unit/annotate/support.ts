// Test support: a database with the demo organisation (fake-indexeddb) answered through the
// real background handlers, and a client that records what a page sent.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, beforeAll } from 'vitest';
import type { AnnotateClient } from '../../../lib/annotate/client';
import {
  liveHosts,
  ownHost,
  type PersonHost,
  type TopicHost,
} from '../../../lib/annotate/registry';
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

/**
 * For a test file that opens pages beside the demo organisation: `db()` its database (made once
 * for the file), `open(url, html)` a page in happy-dom, closed after each test.
 */
export function demoPages(): {
  db: () => ConstellationDB;
  open: (url: string, html: string) => Document;
} {
  let db: ConstellationDB | undefined;
  let window: Window | undefined;
  beforeAll(async () => {
    db = await demoTestDb();
  });
  afterEach(async () => {
    await window?.happyDOM.close();
    window = undefined;
  });
  return {
    db: () => db!,
    open(url, html) {
      window = new Window({ url });
      window.document.write(html);
      return window.document as unknown as Document;
    },
  };
}

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

/** Badges and highlights the extension made within `root`, in document order (registry). */
export function ownHostsIn(root: ParentNode): { element: Element; host: PersonHost | TopicHost }[] {
  const found: { element: Element; host: PersonHost | TopicHost }[] = [];
  for (const element of liveHosts()) {
    const host = ownHost(element);
    if (host && host.kind !== 'card' && element.isConnected && root.contains(element))
      found.push({ element, host });
  }
  return found.sort((a, b) =>
    a.element.compareDocumentPosition(b.element) & 4 /* FOLLOWING */ ? -1 : 1,
  );
}

/** `person-id:role` of each badge within `root`. */
export const personBadges = (root: ParentNode): string[] =>
  ownHostsIn(root).flatMap(({ host }) =>
    host.kind === 'person' ? [`${host.person.id}:${host.role}`] : [],
  );

/** `topic-id:text` of each highlight within `root`. */
export const topicHighlights = (root: ParentNode): string[] =>
  ownHostsIn(root).flatMap(({ element, host }) =>
    host.kind === 'topic' ? [`${host.topic.id}:${element.textContent}`] : [],
  );

/** The badge element of a person within `root`. */
export const badgeOf = (root: ParentNode, personId: string): Element | undefined =>
  ownHostsIn(root).find(({ host }) => host.kind === 'person' && host.person.id === personId)
    ?.element;
