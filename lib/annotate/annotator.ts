// Annotates one page with one site adapter: finds people and prose regions, and hands them to
// the people (badges, `people.ts`) and topic (highlights, `topics.ts`) annotators, run by one
// schedule (`schedule.ts`: short slices, visible regions first). Everything inserted is
// removed when the AbortSignal fires (SPA navigation, unload). Idempotent: annotating again
// adds nothing; our own nodes are never scanned.
import { NEVER_TOUCH, within } from '../sites/dom';
import type { SiteAdapter } from '../sites/types';
import type { AnnotateClient } from './client';
import type { Theme } from './hosts';
import { forgetHost, isOwnNode, ownHost } from './registry';
import { createPeopleAnnotator } from './people';
import { scanPeople } from './people-scan';
import { createProseNameFinder } from './prose-people';
import { TOPIC_SKIP } from './scan';
import { createSchedule } from './schedule';
import { compileSkip } from './skip';
import { summarize, type PageSummary } from './summary';
import { pageTheme } from './theme';
import { createTopicAnnotator } from './topics';
import { closestOf, containsNode, parentElementOf } from './tree';

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

/** Prose regions plus the site's label areas outside them (outermost only). */
function withLabelAreas(regions: Element[], root: ParentNode, labels?: string): Element[] {
  if (!labels) return regions;
  // Regions, areas and their parents can be forms: read through the DOM's own members (tree.ts).
  const areas = within(root, labels).filter((area) => {
    const parent = parentElementOf(area);
    return (
      !(parent && closestOf(parent, labels)) &&
      !regions.some((region) => containsNode(region, area))
    );
  });
  return areas.length > 0 ? [...regions, ...areas] : regions;
}

export interface Annotator {
  /** Resolves when the current queue of work is done (tests, benchmarks). */
  idle(): Promise<void>;
  /** Scans `root` (an added subtree, or the document) for people and prose. */
  scan(root: ParentNode): void;
  /** Removes every badge and highlight within `root` (it became editable). */
  strip(root: Node): void;
  summary(): PageSummary;
  /** The communities marked by name on this page so far (the topic card lists them first). */
  communitiesOnPage(): { feedId: string; id: string }[];
  readonly theme: Theme;
}

const YIELD = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function startAnnotator(options: AnnotatorOptions): Annotator {
  const { document, url, adapter, client, signal } = options;
  const sliceMs = options.sliceMs ?? 8;
  const theme = pageTheme(document);
  const skip = [adapter.chrome, adapter.excluded, NEVER_TOUCH].filter(Boolean).join(',');
  const inserted = new Set<HTMLElement>();

  const people = createPeopleAnnotator({
    document,
    client,
    signal,
    theme,
    skip,
    ownerSkip: [adapter.excluded, NEVER_TOUCH].filter(Boolean).join(','),
    inserted,
    onUpdate: options.onUpdate,
  });
  // Chrome too: when a page has no landmark, its prose region is the body, and the site's
  // top bar or footer inside it is not prose (Phabricator's main menu, for one).
  const proseSkip = compileSkip(
    [TOPIC_SKIP, adapter.chrome, adapter.excluded].filter(Boolean).join(','),
  );
  const proseNames = createProseNameFinder(client, proseSkip);
  const topics = createTopicAnnotator({
    document,
    client,
    signal,
    theme,
    inserted,
    cap: options.topicCap ?? 40,
    sliceMs,
    yieldToPage: YIELD,
    skip: proseSkip,
    labels: adapter.labels,
    labelSkip: compileSkip([NEVER_TOUCH, adapter.excluded].filter(Boolean).join(',')),
  });
  const schedule = createSchedule({
    signal,
    people,
    // The adapter is asked subtree by subtree, in slices (people-scan.ts): a long article's
    // people scan is no long task.
    findPeople: async (root, pause) => {
      const found = ((await scanPeople(adapter, root, url, pause, signal)) ?? []).filter(
        (m) => m.badge && !isOwnNode(m.element),
      );
      if (signal.aborted) return found;
      // Full names in prose, when the user turned that on (the vocabulary says so).
      return [...found, ...(await proseNames(proseRegionsOf(root), found, pause))];
    },
    topics,
    sliceMs,
    yieldToPage: YIELD,
    onUpdate: options.onUpdate,
  });

  /** Takes out what we inserted within `root`: badges out, topic text back in place. */
  function strip(root: Node): void {
    for (const host of inserted) {
      // `root` became editable and can be a form: its own contains is the DOM's (tree.ts).
      if (root !== document && !containsNode(root, host)) continue;
      // Split text nodes serialise exactly as before; they are not merged back (normalize()
      // would swap text nodes a framework such as React still holds).
      if (ownHost(host)?.kind === 'topic') host.replaceWith(...Array.from(host.childNodes));
      else host.remove();
      forgetHost(host);
      inserted.delete(host);
    }
  }

  signal.addEventListener('abort', () => strip(document));

  /** The adapter's prose regions in `root`, without our own nodes and skipped areas. */
  function proseRegionsOf(root: ParentNode): Element[] {
    try {
      return adapter
        .proseRegions(root)
        .filter((region) => !isOwnNode(region) && !closestOf(region, skip));
    } catch {
      // An adapter that trips over odd markup must not break the page.
      return [];
    }
  }

  function scan(root: ParentNode): void {
    if (signal.aborted) return;
    let regions: Element[] = [];
    try {
      regions = withLabelAreas(adapter.proseRegions(root), root, adapter.labels);
    } catch {
      // An adapter that trips over odd markup must not break the page.
    }
    // People are found when the work runs, in slices (the schedule calls findPeople).
    schedule.enqueue(
      root,
      regions.filter((region) => !isOwnNode(region) && !closestOf(region, skip)),
    );
  }

  scan(document);

  return {
    theme,
    scan,
    strip,
    idle: () => schedule.idle(),
    communitiesOnPage: () =>
      [...topics.communitiesOnPage.values()].map((c) => ({ feedId: c.feedId, id: c.id })),
    summary() {
      return summarize(
        { id: adapter.id, label: adapter.label, pageKind: adapter.pageKind(url, document) },
        people.onPage.values(),
        topics.onPage.values(),
        topics.communitiesOnPage.values(),
      );
    },
  };
}
