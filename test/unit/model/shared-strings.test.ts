// One string per repeated value across a feed's validated records (lib/model/shared-strings.ts):
// the pool answers the first copy of each value, and validation — from a parsed document and
// from the bytes — hands it every kept record's reference and vocabulary fields, and makes every
// empty list one frozen list (string identity cannot be seen from JavaScript, so the pool's
// calls are what is checked; the heap it saves is measured by the sync benchmark,
// docs/benchmarks.md).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  NO_ENTRIES,
  NO_ITEMS,
  SharedStrings,
  shareValues,
} from '../../../lib/model/shared-strings';
import { validateFeed } from '../../../lib/model/validate';
import { validateFeedBytes } from '../../../lib/model/validate-bytes';
import { demoFeed } from '../../fixtures/demo-db';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SharedStrings', () => {
  it('answers the first string of each value and counts the distinct ones', () => {
    const pool = new SharedStrings();
    const first = ['p', 'eople'].join('');
    expect(pool.of(first)).toBe('people');
    expect(pool.of(`${'peo'}ple`)).toBe('people');
    expect(pool.of('units')).toBe('units');
    expect(pool.size).toBe(2);
  });

  it("gives each list's shared fields to the pool, lists of strings item by item, nothing else", () => {
    const seen: string[] = [];
    const pool = new SharedStrings();
    vi.spyOn(pool, 'of').mockImplementation((value: string) => (seen.push(value), value));
    const membership = {
      person: 'p-1',
      community: 'c-1',
      participation: 'core',
      roles: ['boundary', 'day-to-day'],
      since: '2024-01-01',
    };
    shareValues('memberships', membership, pool);
    expect(seen).toEqual(['p-1', 'c-1', 'core', '2024-01-01', 'boundary', 'day-to-day']);
    seen.length = 0;
    const person = {
      id: 'p-1',
      name: 'Ana Díaz',
      unit: 'u-1',
      emails: ['ana@example.org'],
      handles: { 'github.com': 'ana' },
      aliases: [],
    };
    shareValues('people', person, pool);
    expect(seen).toEqual(['p-1', 'u-1']);
    seen.length = 0;
    shareValues('communities', { id: 'c-1', stage: 'active', topics: ['t-1'], related: [] }, pool);
    expect(seen).toEqual(['c-1', 'active', 't-1']);
  });
});

describe('validation shares repeated values', () => {
  const feed = demoFeed();
  // What validation gives without any spy: pooling changes no value.
  const validated = validateFeed(structuredClone(feed));
  if (!validated.ok) throw new Error('the demo feed was refused');
  const reference = validated.feed;
  const expected = [
    ...feed.memberships.flatMap((m) => [m.person, m.community, m.participation]),
    ...feed.expertise.flatMap((e) => [e.person, e.topic]),
    ...feed.people.map((p) => p.id),
  ];

  function calls(validate: () => ReturnType<typeof validateFeed>): Map<string, number> {
    const count = new Map<string, number>();
    const of = SharedStrings.prototype.of;
    vi.spyOn(SharedStrings.prototype, 'of').mockImplementation(function (
      this: SharedStrings,
      value: string,
    ) {
      count.set(value, (count.get(value) ?? 0) + 1);
      return of.call(this, value);
    });
    const result = validate();
    if (!result.ok) throw new Error(`the demo feed was refused: ${result.error.reason}`);
    expect(result.feed).toEqual(reference);
    return count;
  }

  it('from a parsed document and from its bytes, for every kept record', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(feed));
    for (const count of [
      calls(() => validateFeed(structuredClone(feed))),
      calls(() => validateFeedBytes(bytes, 512)),
    ]) {
      const wanted = new Map<string, number>();
      for (const value of expected) wanted.set(value, (wanted.get(value) ?? 0) + 1);
      for (const [value, n] of wanted) expect(count.get(value) ?? 0).toBeGreaterThanOrEqual(n);
    }
  });

  it('makes every empty list one frozen list and every empty map one frozen map', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(feed));
    for (const result of [validateFeed(structuredClone(feed)), validateFeedBytes(bytes, 512)]) {
      if (!result.ok) throw new Error(`the demo feed was refused: ${result.error.reason}`);
      const { people, memberships, communities } = result.feed;
      const noRoles = memberships.filter((m) => m.roles.length === 0);
      const withRoles = memberships.filter((m) => m.roles.length > 0);
      expect(noRoles.length).toBeGreaterThan(0);
      expect(withRoles.length).toBeGreaterThan(0);
      for (const m of noRoles) expect(m.roles).toBe(NO_ITEMS);
      for (const m of withRoles) expect(Object.isFrozen(m.roles)).toBe(false);
      const noAliases = people.filter((p) => p.aliases.length === 0);
      expect(noAliases.length).toBeGreaterThan(0);
      for (const p of noAliases) expect(p.aliases).toBe(NO_ITEMS);
      for (const c of communities) if (c.related.length === 0) expect(c.related).toBe(NO_ITEMS);
      expect(Object.isFrozen(NO_ITEMS)).toBe(true);
      expect(() => (noRoles[0]!.roles as string[]).push('boundary')).toThrow(TypeError);
    }
    // A person without handles (the demo's all have some) gets the shared empty map.
    const bare = structuredClone(feed);
    bare.people = bare.people.map((p) => ({ ...p, handles: {} }));
    const result = validateFeed(bare);
    if (!result.ok) throw new Error(result.error.reason);
    for (const p of result.feed.people) expect(p.handles).toBe(NO_ENTRIES);
    expect(Object.isFrozen(NO_ENTRIES)).toBe(true);
  });
});
