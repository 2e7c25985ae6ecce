// When annotation work runs: people first (the adapter asked subtree by subtree, then one
// resolve per batch, badges inserted), then prose regions, visible ones first
// (IntersectionObserver); all of it in short slices so no main-thread task nears 50 ms.
// Work queued while a run is going (mutations) gets another run afterwards.
import type { PersonMention } from '../sites/types';
import type { PeopleAnnotator } from './people';
import type { TopicAnnotator } from './topics';
import { appendAll } from '../arrays';

export interface ScheduleOptions {
  signal: AbortSignal;
  people: PeopleAnnotator;
  /** The person elements in one scanned root, found in slices (`pause` between them). */
  findPeople: (root: ParentNode, pause: () => Promise<void>) => Promise<PersonMention[]>;
  topics: TopicAnnotator;
  sliceMs: number;
  yieldToPage: () => Promise<void>;
  onUpdate?: () => void;
}

export interface Schedule {
  /** Queues a scanned root's people (found when the work runs) and its prose regions. */
  enqueue(root: ParentNode, regions: Element[]): void;
  /** Resolves when the current queue of work is done (tests, benchmarks). */
  idle(): Promise<void>;
}

/**
 * Runs one step of the work; an error in it (a page built in a way no adapter foresaw) is
 * logged and ends that step only: the other roots and regions are still annotated.
 */
async function contained<T>(step: () => Promise<T>): Promise<T | undefined> {
  try {
    return await step();
  } catch (error: unknown) {
    console.warn('Constellation: annotation step failed:', error);
    return undefined;
  }
}

export function createSchedule(options: ScheduleOptions): Schedule {
  const { signal, people, topics, sliceMs, yieldToPage } = options;
  const queue: { roots: ParentNode[]; regions: Set<Element>; visible: Set<Element> } = {
    roots: [],
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
  signal.addEventListener('abort', () => visibility?.disconnect());

  function enqueue(root: ParentNode, regions: Element[]): void {
    if (signal.aborted) return;
    queue.roots.push(root);
    for (const region of regions) {
      queue.regions.add(region);
      visibility?.observe(region);
    }
    kick();
  }

  function kick(): void {
    if (running || signal.aborted) return;
    running = work().finally(() => {
      running = undefined;
      if (queue.roots.length > 0 || queue.regions.size > 0) kick();
    });
  }

  async function work(): Promise<void> {
    await yieldToPage(); // let the IntersectionObserver report what is on screen
    let sliceStart = performance.now();
    const pause = async () => {
      if (performance.now() - sliceStart <= sliceMs) return;
      options.onUpdate?.();
      await yieldToPage();
      sliceStart = performance.now();
    };
    while (!signal.aborted && queue.roots.length > 0) {
      const mentions: PersonMention[] = [];
      for (const root of queue.roots.splice(0))
        appendAll(mentions, (await contained(() => options.findPeople(root, pause))) ?? []);
      if (!signal.aborted) await contained(() => people.annotate(mentions, pause));
    }
    const compiled = await contained(() => topics.matcher());
    if (!compiled) {
      queue.regions.clear();
      return;
    }
    sliceStart = performance.now();
    while (!signal.aborted && queue.regions.size > 0 && !topics.capReached()) {
      const [region] = queue.visible.size > 0 ? queue.visible : queue.regions;
      if (!region) break;
      queue.visible.delete(region);
      queue.regions.delete(region);
      visibility?.unobserve(region);
      if (region.isConnected) await contained(() => topics.annotateRegion(region, compiled, pause));
    }
    if (topics.capReached()) queue.regions.clear();
    options.onUpdate?.();
    await contained(async () => topics.reportTopics());
  }

  return {
    enqueue,
    async idle() {
      while (running) await running;
    },
  };
}
