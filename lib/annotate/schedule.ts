// When annotation work runs: people first (one resolve per batch), then prose regions,
// visible ones first (IntersectionObserver), in short slices so no main-thread task nears
// 50 ms. Work queued while a run is going (mutations) gets another run afterwards.
import type { PersonMention } from '../sites/types';
import type { PeopleAnnotator } from './people';
import type { TopicAnnotator } from './topics';

export interface ScheduleOptions {
  signal: AbortSignal;
  people: PeopleAnnotator;
  topics: TopicAnnotator;
  sliceMs: number;
  yieldToPage: () => Promise<void>;
  onUpdate?: () => void;
}

export interface Schedule {
  enqueue(mentions: PersonMention[], regions: Element[]): void;
  /** Resolves when the current queue of work is done (tests, benchmarks). */
  idle(): Promise<void>;
}

export function createSchedule(options: ScheduleOptions): Schedule {
  const { signal, people, topics, sliceMs, yieldToPage } = options;
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
  signal.addEventListener('abort', () => visibility?.disconnect());

  function enqueue(mentions: PersonMention[], regions: Element[]): void {
    if (signal.aborted) return;
    queue.people.push(mentions);
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
      if (queue.people.length > 0 || queue.regions.size > 0) kick();
    });
  }

  async function work(): Promise<void> {
    await yieldToPage(); // let the IntersectionObserver report what is on screen
    while (!signal.aborted && queue.people.length > 0) {
      await people.annotate(queue.people.splice(0).flat());
    }
    const compiled = await topics.matcher();
    if (!compiled) {
      queue.regions.clear();
      return;
    }
    let sliceStart = performance.now();
    const pause = async () => {
      if (performance.now() - sliceStart <= sliceMs) return;
      options.onUpdate?.();
      await yieldToPage();
      sliceStart = performance.now();
    };
    while (!signal.aborted && queue.regions.size > 0 && !topics.capReached()) {
      const [region] = queue.visible.size > 0 ? queue.visible : queue.regions;
      if (!region) break;
      queue.visible.delete(region);
      queue.regions.delete(region);
      visibility?.unobserve(region);
      if (region.isConnected) await topics.annotateRegion(region, compiled, pause);
    }
    if (topics.capReached()) queue.regions.clear();
    options.onUpdate?.();
    topics.reportTopics();
  }

  return {
    enqueue,
    async idle() {
      while (running) await running;
    },
  };
}
