// Answers the typed requests of lib/messaging.ts from the database. Pure of browser APIs:
// the background entrypoint passes the sender and the extension id in.
import type { ConstellationDB } from '../db/database';
import {
  annotatePersonCard,
  annotateResolve,
  annotateTopicCard,
  annotateVocabulary,
} from './annotate';
import { annotateCommunityCard } from './community-card';
import { dataStatus, peopleByHandle } from '../db/queries';
import { searchPeople } from '../db/search';
import { recordTopicVisits } from '../db/visits';
import { personSummaries } from '../db/summaries';
import {
  isExtensionPage,
  isTrustedSender,
  parseMessage,
  type ParsedMessage,
  type ResponseMap,
  type Result,
  type SenderInfo,
} from '../messaging';

/** What the background does besides reading the database (feed sync, issue 3). */
export interface BackgroundCommands {
  syncNow(url?: string): Promise<ResponseMap['syncNow']>;
  acceptGeneration?(url: string, digest: string): Promise<ResponseMap['acceptGeneration']>;
  loadSample?(file: string): Promise<ResponseMap['loadSample']>;
  removeSample?(feedId: string): Promise<void>;
  /** Whether the user lets pages' topics be remembered (settings; on unless turned off). */
  remembersVisitedTopics?(): Promise<boolean>;
  /** The "full names in prose" setting (off when absent). */
  marksNamesInProse?(): Promise<boolean>;
}

export async function handleMessage(
  db: ConstellationDB,
  raw: unknown,
  sender: SenderInfo,
  extensionId: string,
  commands?: BackgroundCommands,
): Promise<Result<ResponseMap[ParsedMessage['type']]>> {
  if (!isTrustedSender(sender, extensionId)) return { ok: false, error: 'sender not allowed' };
  const parsed = parseMessage(raw);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: await answer(db, parsed.value, sender, commands) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function answer(
  db: ConstellationDB,
  message: ParsedMessage,
  sender: SenderInfo,
  commands?: BackgroundCommands,
): Promise<ResponseMap[ParsedMessage['type']]> {
  switch (message.type) {
    case 'getStatus':
      return dataStatus(db);
    case 'searchPeople':
      return personSummaries(
        db,
        await searchPeople(db, message.request.query, { limit: message.request.limit }),
      );
    case 'peopleByHandle':
      return personSummaries(
        db,
        await peopleByHandle(db, message.request.host, message.request.login),
      );
    case 'annotateVocabulary':
      return annotateVocabulary(db, message.request.version, {
        namesInProse: (await commands?.marksNamesInProse?.()) ?? false,
      });
    case 'annotateResolve':
      return annotateResolve(db, message.request);
    case 'annotatePersonCard':
      return annotatePersonCard(db, message.request);
    case 'annotateTopicCard': {
      const { namedOnPage, ...ref } = message.request;
      return annotateTopicCard(db, ref, namedOnPage ? { namedOnPage } : {});
    }
    case 'annotateCommunityCard':
      return annotateCommunityCard(db, message.request);
    case 'recordTopicVisits': {
      // Only content scripts in ordinary tabs (not extension pages, not private windows), and
      // only while the user keeps the setting on.
      if (isExtensionPage(sender) || !sender.tab || sender.tab.incognito) return { recorded: 0 };
      if (!(await (commands?.remembersVisitedTopics?.() ?? Promise.resolve(false))))
        return { recorded: 0 };
      return { recorded: await recordTopicVisits(db, message.request.topics) };
    }
    case 'loadSample':
      if (!isExtensionPage(sender)) throw new Error('only the options page may load samples');
      if (!commands?.loadSample) throw new Error('sample feeds are not available here');
      return commands.loadSample(message.request.file);
    case 'removeSample':
      if (!isExtensionPage(sender)) throw new Error('only the options page may remove samples');
      if (!commands?.removeSample) throw new Error('sample feeds are not available here');
      await commands.removeSample(message.request.feedId);
      return { removed: true };
    case 'syncNow':
      if (!commands) throw new Error('feed sync is not available here');
      return commands.syncNow(message.request.url);
    case 'acceptGeneration':
      if (!isExtensionPage(sender)) throw new Error('only extension pages may accept a feed');
      if (!commands?.acceptGeneration) throw new Error('feed sync is not available here');
      return commands.acceptGeneration(message.request.url, message.request.digest);
  }
}
