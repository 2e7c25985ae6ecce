// The content script's side of the annotation protocol: runtime messages to the background
// (type-only imports of lib/messaging.ts: zod must not enter the content-script bundle) and
// the vocabulary cached in storage.local per data version, so a page load costs a short
// version check rather than the whole vocabulary.
import { browser } from 'wxt/browser';
import type { AnnotateClient } from '../annotate/client';
import type { RequestOf, RequestType, ResponseMap, Result } from '../messaging';
import type { TopicVocabulary } from '../match/vocabulary';
import { SITE_SETTINGS_KEY, parseSiteSettings, settingFor } from '../sites/site-settings';
import type { SiteId } from '../sites/types';

const VOCABULARY_KEY = 'annotate.vocabulary';

async function send<K extends RequestType>(type: K, body: RequestOf<K>): Promise<ResponseMap[K]> {
  const answer: Result<ResponseMap[K]> | undefined = await browser.runtime.sendMessage({
    type,
    request: body,
  });
  if (!answer || typeof answer !== 'object' || !('ok' in answer))
    throw new Error('the background did not answer');
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

function isVocabulary(value: unknown): value is TopicVocabulary {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as TopicVocabulary).version === 'string' &&
    Array.isArray((value as TopicVocabulary).topics)
  );
}

export function contentClient(): AnnotateClient {
  let vocabulary: Promise<TopicVocabulary> | undefined;
  return {
    vocabulary() {
      return (vocabulary ??= (async () => {
        const stored = (await browser.storage.local.get(VOCABULARY_KEY))[VOCABULARY_KEY];
        const cached = isVocabulary(stored) ? stored : undefined;
        const answer = await send('annotateVocabulary', cached ? { version: cached.version } : {});
        if (answer.vocabulary) {
          await browser.storage.local.set({ [VOCABULARY_KEY]: answer.vocabulary });
          return answer.vocabulary;
        }
        if (!cached) throw new Error('no vocabulary');
        return cached;
      })());
    },
    resolve: (query) => send('annotateResolve', query),
    personCard: (ref) => send('annotatePersonCard', ref),
    topicCard: (ref, context) => send('annotateTopicCard', { ...ref, ...context }),
    communityCard: (ref) => send('annotateCommunityCard', ref),
    noteTopics: async (topics) => {
      await send('recordTopicVisits', { topics });
    },
  };
}

/** The user's adapter choice for the page's site, if any. */
export async function siteChoiceFor(url: URL): Promise<SiteId | 'auto'> {
  const stored = (await browser.storage.local.get(SITE_SETTINGS_KEY))[SITE_SETTINGS_KEY];
  return settingFor(parseSiteSettings(stored), url)?.adapter ?? 'auto';
}

/**
 * Calls `onChoice` with the page's site choice each time the user's site settings change (the
 * options page saves them), until `signal` aborts. A site no longer listed (disabled) calls
 * nothing: the page keeps what it shows until it is left.
 */
export function watchSiteChoice(
  url: () => URL,
  onChoice: (choice: SiteId | 'auto') => void,
  signal: AbortSignal,
): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[SITE_SETTINGS_KEY] : undefined;
    if (!change) return;
    const setting = settingFor(parseSiteSettings(change.newValue), url());
    if (setting) onChoice(setting.adapter);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}

export function hovercardChunkUrl(): string {
  return browser.runtime.getURL('/hovercard.js');
}

/** Messages from the popup to a tab's content script. */
export const PAGE_SUMMARY_MESSAGE = 'constellation:pageSummary';

export function answerPageSummaries(summary: () => unknown): void {
  // webextension-polyfill answers a message with the Promise its listener returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if ((message as { type?: unknown } | null)?.type !== PAGE_SUMMARY_MESSAGE) return undefined;
    return Promise.resolve({ ok: true, value: summary() ?? null });
  });
}
