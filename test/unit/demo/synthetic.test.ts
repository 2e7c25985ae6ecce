// Synthetic benchmark feeds (lib/demo/synthetic.ts): valid, exactly the requested size,
// deterministic per seed.
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../lib/model/validate';
import { generateSyntheticFeed } from '../../../lib/demo/synthetic';

const feed = generateSyntheticFeed({ people: 2000 });

describe('generateSyntheticFeed', () => {
  it('validates 2,000 people with zero problems after a JSON round trip', () => {
    const result = validateFeed(JSON.parse(JSON.stringify(feed)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.counts.memberships).toEqual({
      total: 6000,
      valid: 6000,
      invalid: 0,
      dependent: 0,
      dropped: 0,
    });
  });

  it('derives the default counts from the number of people', () => {
    expect(feed.people).toHaveLength(2000);
    expect(feed.communities).toHaveLength(100); // max(25, 2000 / 20)
    expect(feed.topics).toHaveLength(40); // max(40, 2000 / 50)
    expect(feed.units).toHaveLength(50); // 2000 / 40
    expect(feed.memberships).toHaveLength(6000); // 3 per person
    expect(feed.expertise).toHaveLength(2000);
    expect(feed.feedId).toBe('synthetic-1');
  });

  it('honours explicit counts', () => {
    const small = generateSyntheticFeed({
      people: 120,
      communities: 30,
      topics: 70,
      membershipsPerPerson: 5,
      seed: 9,
      feedId: 'bench',
    });
    expect(small.feedId).toBe('bench');
    expect(small.people).toHaveLength(120);
    expect(small.communities).toHaveLength(30);
    expect(small.topics).toHaveLength(70);
    expect(small.memberships).toHaveLength(600);
    expect(small.units).toHaveLength(3);
    const result = validateFeed(JSON.parse(JSON.stringify(small)));
    expect(result.ok && result.problems).toEqual([]);
  });

  it('gives each person exactly the requested number of distinct communities', () => {
    const perPerson = new Map<string, Set<string>>();
    for (const m of feed.memberships) {
      const set = perPerson.get(m.person) ?? new Set<string>();
      set.add(m.community);
      perPerson.set(m.person, set);
    }
    expect(perPerson.size).toBe(2000);
    for (const communities of perPerson.values()) expect(communities.size).toBe(3);
  });

  it('fills every community when each person joins all of them', () => {
    const dense = generateSyntheticFeed({ people: 40, communities: 4, membershipsPerPerson: 4 });
    expect(dense.memberships).toHaveLength(160);
    const result = validateFeed(JSON.parse(JSON.stringify(dense)));
    expect(result.ok && result.problems).toEqual([]);
  });

  it('refuses impossible options', () => {
    expect(() =>
      generateSyntheticFeed({ people: 10, communities: 2, membershipsPerPerson: 3 }),
    ).toThrow(RangeError);
    expect(() => generateSyntheticFeed({ people: -1 })).toThrow(RangeError);
    expect(() => generateSyntheticFeed({ people: 1.5 })).toThrow(RangeError);
  });

  it('gives each person an email, github.com and code-host logins, and a third of them aliases', () => {
    for (const person of feed.people) {
      expect(person.emails).toHaveLength(1);
      expect(Object.keys(person.handles ?? {}).sort()).toEqual([
        'git.northwind.test',
        'github.com',
      ]);
    }
    const emails = new Set(feed.people.map((p) => p.emails![0]));
    expect(emails.size).toBe(2000);
    expect(feed.people.filter((p) => (p.aliases ?? []).length > 0)).toHaveLength(667);
  });

  it('builds a unit tree, with a partner company, and a day-to-day leader in every community', () => {
    const index = new Map(feed.units.map((u, i) => [u.id, i]));
    const children = feed.units.filter((u) => u.parent !== undefined);
    expect(children).toHaveLength(45); // 50 units, ceil(50 / 12) roots
    for (const [i, unit] of feed.units.entries()) {
      if (unit.parent !== undefined) expect(index.get(unit.parent)!).toBeLessThan(i);
    }
    expect(feed.people.some((p) => p.company === 'Lumen Analytics')).toBe(true);
    const led = new Set(
      feed.memberships.filter((m) => m.roles?.includes('day-to-day')).map((m) => m.community),
    );
    const populated = new Set(feed.memberships.map((m) => m.community));
    expect(led).toEqual(populated);
  });

  it('is deterministic for a seed, and distinct seeds give distinct feeds', () => {
    expect(generateSyntheticFeed({ people: 2000 })).toEqual(feed);
    const other = generateSyntheticFeed({ people: 2000, seed: 2 });
    expect(other.people.map((p) => p.name)).not.toEqual(feed.people.map((p) => p.name));
    expect(other.memberships).not.toEqual(feed.memberships);
  });
});
