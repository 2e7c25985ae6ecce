// The annotation schedule contains a failing step: an error in one root's people scan or in
// one region's highlighting (a page built in a way no adapter foresaw) ends that step only;
// the page's other people and regions are still annotated, and the schedule goes idle.
import { afterEach, expect, it, vi } from 'vitest';
import type { PeopleAnnotator } from '../../../lib/annotate/people';
import { createSchedule } from '../../../lib/annotate/schedule';
import type { TopicAnnotator } from '../../../lib/annotate/topics';
import type { TopicMatcher } from '../../../lib/match/topic-matcher';
import type { PersonMention } from '../../../lib/sites/types';

afterEach(() => vi.restoreAllMocks());

it('annotates the other roots and regions when one of them throws', async () => {
  const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const root = (name: string) => ({ name }) as unknown as ParentNode;
  const region = (name: string) => ({ name, isConnected: true }) as unknown as Element;
  const nameOf = (node: unknown) => (node as { name: string }).name;
  const badged: string[] = [];
  const highlighted: string[] = [];
  let reported = 0;
  const people: PeopleAnnotator = {
    onPage: new Map(),
    annotate: (mentions) => {
      badged.push(...mentions.map((m) => nameOf(m.element)));
      return Promise.resolve();
    },
  };
  const topics = {
    matcher: () => Promise.resolve({} as TopicMatcher),
    capReached: () => false,
    annotateRegion: (r: Element) => {
      if (nameOf(r) === 'bad region') throw new RangeError('Maximum call stack size exceeded');
      highlighted.push(nameOf(r));
      return Promise.resolve();
    },
    reportTopics: () => void reported++,
  } as unknown as TopicAnnotator;
  const schedule = createSchedule({
    signal: new AbortController().signal,
    people,
    topics,
    sliceMs: 8,
    yieldToPage: () => Promise.resolve(),
    findPeople: (r) => {
      if (nameOf(r) === 'bad root') return Promise.reject(new TypeError('not a function'));
      return Promise.resolve([
        { element: { name: `${nameOf(r)} person` } } as unknown as PersonMention,
      ]);
    },
  });
  schedule.enqueue(root('first'), [region('region 1')]);
  schedule.enqueue(root('bad root'), [region('bad region'), region('region 2')]);
  schedule.enqueue(root('last'), [region('region 3')]);
  await schedule.idle();
  expect(badged).toEqual(['first person', 'last person']);
  expect(highlighted).toEqual(['region 1', 'region 2', 'region 3']);
  expect(reported).toBe(1);
  expect(warned).toHaveBeenCalledTimes(2);
});
