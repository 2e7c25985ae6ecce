// The one typed protocol for messages from extension pages and content scripts to the
// background. Each request type has a zod schema (the background validates every message
// before acting) and a response type. Answers are `{ok:true,value} | {ok:false,error}`
// because thrown errors do not survive Chrome's JSON message serialisation.
import { z } from './model/zod';
import type { DataStatus } from './db/queries';
import type { PersonSummary } from './db/summaries';
import type { SyncReportRow } from './db/sync-schema';
import type { VocabularyAnswer } from './background/annotate';
import type { CommunityCard, PersonCard, TopicCard } from './annotate/cards';
import { MAX_KEY_LENGTH, MAX_KEYS_PER_KIND, type IdentityAnswer } from './match/identity';
import type { SampleLoaded } from './background/samples';

export type { PersonSummary };

const query = z.string().max(200);
const host = z.string().min(1).max(253);
const login = z.string().min(1).max(100);
// Annotation keys are already normalised (lib/model/keys.ts); a page sends at most a few
// hundred, so the caps only stop abuse.
const annotationKeys = z
  .array(z.string().min(1).max(MAX_KEY_LENGTH))
  .max(MAX_KEYS_PER_KIND)
  .default([]);
const recordRef = z.object({ feedId: z.string().min(1).max(200), id: z.string().min(1).max(200) });

/** Request schemas, one per message type. */
export const REQUEST_SCHEMAS = {
  /** What data is loaded: feeds (or the demo), and row counts. */
  getStatus: z.object({}),
  /** Prefix search over people's names, aliases, emails and logins. */
  searchPeople: z.object({ query, limit: z.int().min(1).max(50).default(10) }),
  /** People with this login on this host (case-insensitive), e.g. a profile link on a page. */
  peopleByHandle: z.object({ host, login }),
  /** The compiled topic vocabulary for content scripts; nothing when `version` is current. */
  annotateVocabulary: z.object({ version: z.string().max(10_000).optional() }),
  /** People for the handle, email and name keys a page found (content scripts, issue 4). */
  annotateResolve: z.object({
    handles: annotationKeys,
    emails: annotationKeys,
    names: annotationKeys,
  }),
  /** A person's hovercard: unit, company, communities, which the viewer shares. */
  annotatePersonCard: recordRef,
  /**
   * A topic's hovercard: covering communities (those named on the page first), how to take
   * part, whom to ask.
   */
  annotateTopicCard: recordRef.extend({ namedOnPage: z.array(recordRef).max(200).optional() }),
  /** A community named on a page: stage, standing, how to take part, whom to ask, me. */
  annotateCommunityCard: recordRef,
  /**
   * Topics the content script found on the page just read: remembered locally (unless the
   * user turned it off, or the tab is private) as a suggestion signal.
   */
  recordTopicVisits: z.object({ topics: z.array(recordRef).max(100) }),
  /** Load a real sample feed bundled with this build (options page only). */
  loadSample: z.object({ file: z.string().min(1).max(130) }),
  /** Remove a loaded sample feed (options page only). */
  removeSample: z.object({ feedId: z.string().min(1).max(200) }),
  /** Sync one configured feed now (or all of them when `url` is absent): the sync reports. */
  syncNow: z.object({ url: z.string().min(1).max(2048).optional() }),
  /** Accept a refused document anyway (options/popup only): its URL and SHA-256 digest. */
  acceptGeneration: z.object({
    url: z.string().min(1).max(2048),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
  }),
} as const;

export type RequestType = keyof typeof REQUEST_SCHEMAS;
export type RequestOf<K extends RequestType> = z.input<(typeof REQUEST_SCHEMAS)[K]>;
export type ParsedRequestOf<K extends RequestType> = z.output<(typeof REQUEST_SCHEMAS)[K]>;

export interface ResponseMap {
  getStatus: DataStatus;
  searchPeople: PersonSummary[];
  peopleByHandle: PersonSummary[];
  annotateVocabulary: VocabularyAnswer;
  annotateResolve: IdentityAnswer;
  annotatePersonCard: PersonCard;
  annotateTopicCard: TopicCard;
  annotateCommunityCard: CommunityCard;
  recordTopicVisits: { recorded: number };
  loadSample: SampleLoaded;
  removeSample: { removed: true };
  syncNow: SyncReportRow[];
  acceptGeneration: SyncReportRow[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Envelope<K extends RequestType = RequestType> {
  type: K;
  request: RequestOf<K>;
}

export type ParsedMessage = {
  [K in RequestType]: { type: K; request: ParsedRequestOf<K> };
}[RequestType];

const envelopeShape = z.object({ type: z.string().max(64), request: z.unknown() });

/** Validates an incoming message; never throws. */
export function parseMessage(raw: unknown): Result<ParsedMessage> {
  const envelope = envelopeShape.safeParse(raw);
  if (!envelope.success) return { ok: false, error: 'not a Constellation message' };
  const { type, request } = envelope.data;
  if (!Object.hasOwn(REQUEST_SCHEMAS, type))
    return { ok: false, error: `unknown message type "${type}"` };
  const schema = REQUEST_SCHEMAS[type as RequestType];
  const parsed = schema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      error: `invalid ${type} request: ${issue.path.join('.') || 'request'} ${issue.message}`,
    };
  }
  return { ok: true, value: { type, request: parsed.data } as ParsedMessage };
}

/** Who sent a message, as far as the background needs to know. */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The tab the sender runs in (absent for the popup and the background itself). */
  tab?: { incognito?: boolean };
}

/** Whether the sender is one of the extension's own pages (not a content script in a web page). */
export function isExtensionPage(sender: SenderInfo): boolean {
  try {
    return /^(chrome|moz)-extension:$/.test(new URL(sender.url ?? '').protocol);
  } catch {
    return false;
  }
}

/** Only this extension's own pages and content scripts may talk to the background. */
export function isTrustedSender(sender: SenderInfo, extensionId: string): boolean {
  return sender.id === extensionId;
}
