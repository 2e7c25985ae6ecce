// Annotates one page with one site adapter: finds people and prose regions, asks the
// background to resolve the candidates (one message per batch), inserts person badges and
// wraps the first occurrence of each topic per region (with a per-page cap). Work runs in
// short slices (no main-thread task near 50 ms), visible regions first (IntersectionObserver),
// and everything it inserted is removed when its AbortSignal fires (SPA navigation, unload).
// Idempotent: annotating again adds nothing; our own nodes are never scanned.
import {
  identityKeys,
  mergeQueries,
  personRefKey,
  resolveIdentity,
  type IdentityAnswer,
  type IdentityQuery,
  type ResolvedPerson,
} from '../match/identity';
import { compileTopicMatcherInSlices, type TopicMatcher } from '../match/topic-matcher';
import { topicRefKey, type VocabularyTopic } from '../match/vocabulary';
import { NEVER_TOUCH } from '../sites/dom';
import type { PersonMention, SiteAdapter } from '../sites/types';
import type { AnnotateClient, RecordRef } from './client';
import {
  PERSON_TAG,
  TOPIC_TAG,
  createPersonHost,
  createTopicHost,
  isOwnNode,
  type Theme,
} from './hosts';
import { TOPIC_SKIP, firstOccurrences, proseTextNodes, wrapOccurrences } from './scan';
import { compileSkip } from './skip';
import { summarize, type PageSummary } from './summary';
import { pageTheme } from './theme';

export interface AnnotatorOptions {
  document: Document;
  url: URL;
  adapter: SiteAdapter;
  client: AnnotateClient;
  signal: AbortSignal;
  /** Most topic highlights on one page (default 40). */
  topicCap?: number;
  /** Longest slice of work before yielding to the page, in ms (default 8). */
  sliceMs?: number;
  /** Called after each batch of writes. */
  onUpdate?: () => void;
}

export interface Annotator {
  /** Resolves when the current queue of work is done (tests, benchmarks). */
  idle(): Promise<void>;
  /** Scans `root` (an added subtree, or the document) for people and prose. */
  scan(root: ParentNode): void;
  summary(): PageSummary;
  readonly theme: Theme;
}

const YIELD = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function startAnnotator(options: AnnotatorOptions): Annotator {
  const { document, url, adapter, client, signal } = options;
  const topicCap = options.topicCap ?? 40;
  const sliceMs = options.sliceMs ?? 8;
  const theme = pageTheme(document);
  const personSkip = [adapter.chrome, adapter.excluded, NEVER_TOUCH].filter(Boolean).join(',');
  const regionSkip = [adapter.chrome, adapter.excluded, NEVER_TOUCH].filter(Boolean).join(',');
  // Chrome too: when a page has no landmark, its prose region is the body, and the site's
  // top bar or footer inside it is not prose (Phabricator's main menu, for one).
  const topicSkip = compileSkip(
    [TOPIC_SKIP, adapter.chrome, adapter.excluded].filter(Boolean).join(','),
  );

  const inserted = new Set<HTMLElement>();
  const badged = new WeakMap<Element, HTMLElement>();
  const regionTopics = new WeakMap<Element, Set<string>>();
  const peopleOnPage = new Map<string, ResolvedPerson>();
  const topicsOnPage = new Map<string, VocabularyTopic>();
  const resolved = new Map<string, IdentityAnswer>();
  const reported = new Set<string>();
  let topicCount = 0;
  let matcher: Promise<TopicMatcher | undefined> | undefined;

  const queue: { people: PersonMention[][]; regions: Set<Element>; visible: Set<Element> } = {
    people: [],
    regions: new Set(),
    visible: new Set(),
  };
  let running: Promise<void> | undefined;

  const visibility =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (entry.isIntersecting && queue.regions.has(entry.target))
                queue.visible.add(entry.target);
              if (!queue.regions.has(entry.target)) visibility?.unobserve(entry.target);
            }
          },
          { rootMargin: '200px' },
        )
      : undefined;

  // A badge beside a link is not inside it, so it would stay visible when the page hides the
  // link: GitLab renders an author twice and hides one per screen width with CSS, which would
  // show two badges. Such badges follow their link: after each batch and on every resize
  // (responsive layouts switch there), one style read for all, in the next frame.
  const followers = new Map<Element, HTMLElement>();
  const view = document.defaultView;
  let followScheduled = false;
  const followLinks = () => {
    if (followScheduled || signal.aborted || !view) return;
    followScheduled = true;
    view.requestAnimationFrame(() => {
      followScheduled = false;
      for (const [link, host] of followers) {
        if (!host.isConnected || !link.isConnected) {
          followers.delete(link);
          continue;
        }
        const shown = typeof link.checkVisibility === 'function' ? link.checkVisibility() : true;
        const display = shown ? '' : 'none';
        if (host.style.display !== display) host.style.display = display;
      }
    });
  };
  view?.addEventListener('resize', followLinks, { passive: true });

  signal.addEventListener('abort', () => {
    visibility?.disconnect();
    view?.removeEventListener('resize', followLinks);
    followers.clear();
    // Everything we inserted goes: badges out, topic text back in place.
    for (const host of inserted) {
      if (host.tagName === TOPIC_TAG.toUpperCase())
        host.replaceWith(...Array.from(host.childNodes));
      else host.remove();
    }
    inserted.clear();
  });

  const loadMatcher = () =>
    (matcher ??= client
      .vocabulary()
      .then((vocabulary) => compileTopicMatcherInSlices(vocabulary.topics, YIELD, sliceMs))
      .catch(() => undefined));

  function scan(root: ParentNode): void {
    if (signal.aborted) return;
    let mentions: PersonMention[] = [];
    let regions: Element[] = [];
    try {
      mentions = adapter.people(root, url);
      regions = adapter.proseRegions(root);
    } catch {
      // An adapter that trips over odd markup must not break the page.
    }
    queue.people.push(mentions.filter((m) => m.badge && !isOwnNode(m.element)));
    for (const region of regions) {
      if (isOwnNode(region) || region.closest(regionSkip)) continue;
      queue.regions.add(region);
      visibility?.observe(region);
    }
    kick();
  }

  /** Runs the queue; work queued meanwhile (mutations) gets another run afterwards. */
  function kick(): void {
    if (running || signal.aborted) return;
    running = work().finally(() => {
      running = undefined;
      if (queue.people.length > 0 || queue.regions.size > 0) kick();
    });
  }

  async function work(): Promise<void> {
    await YIELD(); // let the IntersectionObserver report what is on screen
    while (!signal.aborted && queue.people.length > 0) {
      const batch = queue.people.splice(0).flat();
      await annotatePeople(batch);
    }
    const compiled = await loadMatcher();
    if (!compiled) {
      queue.regions.clear();
      return;
    }
    let sliceStart = performance.now();
    while (!signal.aborted && queue.regions.size > 0 && topicCount < topicCap) {
      const [next] = queue.visible.size > 0 ? queue.visible : queue.regions;
      const region = next!;
      queue.visible.delete(region);
      queue.regions.delete(region);
      visibility?.unobserve(region);
      if (!region.isConnected) continue;
      let seen = regionTopics.get(region);
      if (!seen) {
        // Topics another run already highlighted here count as seen: annotating twice adds nothing.
        seen = new Set(
          Array.from(region.querySelectorAll(TOPIC_TAG), (host) =>
            topicRefKey(
              host.getAttribute('data-constellation-feed') ?? '',
              host.getAttribute('data-constellation-topic') ?? '',
            ),
          ),
        );
        regionTopics.set(region, seen);
      }
      for (const node of proseTextNodes(region, topicSkip)) {
        if (signal.aborted || topicCount >= topicCap) break;
        const found = firstOccurrences(node, compiled, seen, topicCap - topicCount);
        if (found.length > 0) {
          const hosts = wrapOccurrences(found, (topic) => createTopicHost(document, topic, theme));
          for (const host of hosts) inserted.add(host);
          for (const { topic } of found)
            topicsOnPage.set(topicRefKey(topic.feedId, topic.id), topic);
          topicCount += hosts.length;
        }
        if (performance.now() - sliceStart > sliceMs) {
          options.onUpdate?.();
          await YIELD();
          sliceStart = performance.now();
        }
      }
    }
    if (topicCount >= topicCap) queue.regions.clear();
    options.onUpdate?.();
    reportTopics();
  }

  /** Tells the background which topics this page is about (new ones only, once each). */
  function reportTopics(): void {
    if (signal.aborted || !client.noteTopics) return;
    const fresh: RecordRef[] = [];
    for (const [key, topic] of topicsOnPage) {
      if (reported.has(key)) continue;
      reported.add(key);
      fresh.push({ feedId: topic.feedId, id: topic.id });
    }
    if (fresh.length > 0) client.noteTopics(fresh).catch(() => undefined);
  }

  async function annotatePeople(mentions: PersonMention[]): Promise<void> {
    const queries = new Map<PersonMention, IdentityQuery>();
    for (const mention of mentions) queries.set(mention, identityKeys(mention.identity));
    const unknown = mergeQueries(
      [...queries.values()].map((q) => ({
        handles: q.handles.filter((k) => !resolved.has(`h${k}`)),
        emails: q.emails.filter((k) => !resolved.has(`e${k}`)),
        names: q.names.filter((k) => !resolved.has(`n${k}`)),
      })),
    );
    if (unknown.handles.length + unknown.emails.length + unknown.names.length > 0) {
      let answer: IdentityAnswer;
      try {
        answer = await client.resolve(unknown);
      } catch {
        return;
      }
      if (signal.aborted) return;
      for (const key of unknown.handles) resolved.set(`h${key}`, answer);
      for (const key of unknown.emails) resolved.set(`e${key}`, answer);
      for (const key of unknown.names) resolved.set(`n${key}`, answer);
    }
    for (const [mention, query] of queries) {
      const person = resolveWith(query);
      if (!person) continue;
      peopleOnPage.set(personRefKey(person.feedId, person.id), person);
      insertBadge(mention, person);
    }
    options.onUpdate?.();
  }

  /** Resolves one mention against the answers cached for each of its keys. */
  function resolveWith(query: IdentityQuery): ResolvedPerson | undefined {
    const merged: IdentityAnswer = { handles: {}, emails: {}, names: {}, people: {} };
    const take = (prefix: string, keys: string[], kind: 'handles' | 'emails' | 'names') => {
      for (const key of keys) {
        const answer = resolved.get(`${prefix}${key}`);
        const refs = answer?.[kind][key];
        if (!answer || !refs) continue;
        merged[kind][key] = refs;
        for (const ref of refs) if (answer.people[ref]) merged.people[ref] = answer.people[ref];
      }
    };
    take('h', query.handles, 'handles');
    take('e', query.emails, 'emails');
    take('n', query.names, 'names');
    return resolveIdentity(query, merged);
  }

  function insertBadge(mention: PersonMention, person: ResolvedPerson): void {
    const element = mention.element;
    if (!element.isConnected || element.closest(personSkip)) return;
    const existing = badged.get(element);
    if (existing?.isConnected) return;
    // Someone else's badge for this element (a second run) already sits right after it.
    const next = element.tagName === 'A' ? element.nextElementSibling : element.lastElementChild;
    if (
      next?.tagName === PERSON_TAG.toUpperCase() &&
      next.getAttribute('data-constellation-person') === person.id
    )
      return;
    const host = createPersonHost(document, person, mention.role, theme);
    // Links and images get the badge beside them; name elements (headings, cells) inside.
    if (element.tagName === 'A' || element.tagName === 'IMG') {
      element.after(host);
      followers.set(element, host);
      followLinks();
    } else element.append(host);
    badged.set(element, host);
    inserted.add(host);
  }

  scan(document);

  return {
    theme,
    scan,
    async idle() {
      while (running) await running;
    },
    summary() {
      return summarize(
        { id: adapter.id, label: adapter.label, pageKind: adapter.pageKind(url, document) },
        peopleOnPage.values(),
        topicsOnPage.values(),
      );
    },
  };
}
