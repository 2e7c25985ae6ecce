// The demo organisation (lib/demo/generate-demo.ts): a perfect feed that exercises the whole
// CoP vocabulary, stays deterministic, and matches the committed public/demo-feed.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeedInput } from '../../../lib/model/feed';
import { validateFeed } from '../../../lib/model/validate';
import {
  CHANNEL_KINDS,
  LEADERSHIP_ROLES,
  PARTICIPATION_LEVELS,
  STAGES,
  STANDINGS,
} from '../../../lib/model/vocabulary';
import {
  DEMO_COMMUNITY_PLANS,
  demoFeedJson,
  generateDemoFeed,
} from '../../../lib/demo/generate-demo';

const feed = generateDemoFeed();
const companyOf = new Map(feed.people.map((p) => [p.id, p.company]));
const membersOf = (communityId: string) =>
  feed.memberships.filter((m) => m.community === communityId);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('generateDemoFeed', () => {
  it('validates with zero problems after a JSON round trip', () => {
    const result = validateFeed(JSON.parse(JSON.stringify(feed)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.feed.people).toHaveLength(330);
    expect(result.feed.memberships).toHaveLength(638);
  });

  it('has the planned organisation: 300 Northwind and 30 Lumen people, 15 units, 40 topics', () => {
    expect(feed.feedId).toBe('demo-northwind');
    expect(feed.generatedAt).toBe('2026-11-01T09:00:00Z');
    expect(feed.organization.name).toBe('Northwind Mutual');
    expect(feed.people.filter((p) => p.company === 'Northwind Mutual')).toHaveLength(300);
    expect(feed.people.filter((p) => p.company === 'Lumen Analytics')).toHaveLength(30);
    expect(feed.units).toHaveLength(15);
    expect(feed.units.filter((u) => u.company === 'Lumen Analytics')).toHaveLength(3);
    expect(feed.topics).toHaveLength(40);
    expect(feed.communities).toHaveLength(25);
    expect(feed.expertise.length).toBeGreaterThanOrEqual(350);
    expect(feed.expertise.length).toBeLessThanOrEqual(450);
  });

  it('puts people only in the eight Northwind working units and the two Lumen practices', () => {
    const parents = new Map(feed.units.map((u) => [u.id, u.parent]));
    const peopleUnits = sorted(feed.people.map((p) => p.unit ?? ''));
    expect(peopleUnits).toHaveLength(10);
    for (const unit of peopleUnits) expect(parents.get(unit)).toBeDefined();
    const northwindUnits = feed.units.filter(
      (u) => u.company === 'Northwind Mutual' && u.parent !== undefined,
    );
    expect(northwindUnits).toHaveLength(8);
  });

  it('uses every stage, standing, channel kind, leadership role and participation level', () => {
    expect(sorted(feed.communities.map((c) => c.stage))).toEqual(sorted(STAGES));
    expect(sorted(feed.communities.map((c) => c.standing))).toEqual(sorted(STANDINGS));
    const kinds = feed.communities.flatMap((c) => (c.channels ?? []).map((ch) => ch.kind));
    expect(sorted(kinds)).toEqual(sorted(CHANNEL_KINDS.filter((k) => k !== 'other')));
    expect(sorted(feed.memberships.flatMap((m) => m.roles ?? []))).toEqual(
      sorted(LEADERSHIP_ROLES),
    );
    expect(sorted(feed.memberships.map((m) => m.participation))).toEqual(
      sorted(PARTICIPATION_LEVELS),
    );
  });

  it('has members-only, closed, stale and cross-company communities', () => {
    expect(feed.communities.filter((c) => c.visibility === 'members').map((c) => c.id)).toEqual([
      'c-threat-hunting',
      'c-fraud',
    ]);
    expect(feed.communities.filter((c) => !c.openToNewcomers).length).toBe(4);
    const yearBefore = '2025-11-01';
    const stale = feed.communities.filter((c) => c.lastActivity! < yearBefore).map((c) => c.id);
    expect(stale).toEqual(['c-ddd', 'c-solvency', 'c-mainframe']);
    const crossCompany = feed.communities
      .filter((c) => {
        const companies = new Set(membersOf(c.id).map((m) => companyOf.get(m.person)));
        return companies.has('Lumen Analytics') && companies.has('Northwind Mutual');
      })
      .map((c) => c.id);
    expect(crossCompany).toEqual(['c-ml', 'c-fraud', 'c-responsible-ai', 'c-pricing-lab']);
  });

  it('staffs each community to its planned size, 5 to 60 members, most with a day-to-day leader', () => {
    for (const plan of DEMO_COMMUNITY_PLANS) {
      expect(membersOf(plan.community.id)).toHaveLength(plan.size);
      const partners = membersOf(plan.community.id).filter(
        (m) => companyOf.get(m.person) === 'Lumen Analytics',
      );
      expect(partners).toHaveLength(plan.partners ?? 0);
    }
    const sizes = feed.communities.map((c) => membersOf(c.id).length);
    expect(Math.min(...sizes)).toBe(5);
    expect(Math.max(...sizes)).toBe(60);
    const withoutDayToDay = feed.communities
      .filter((c) => !membersOf(c.id).some((m) => m.roles?.includes('day-to-day')))
      .map((c) => c.id);
    expect(withoutDayToDay).toEqual(['c-rust', 'c-responsible-ai', 'c-mainframe']);
  });

  it('has brokers in three or more communities, and people in none', () => {
    const count = new Map<string, number>();
    for (const m of feed.memberships) count.set(m.person, (count.get(m.person) ?? 0) + 1);
    const boundary = new Set(
      feed.memberships.filter((m) => m.roles?.includes('boundary')).map((m) => m.person),
    );
    const brokers = [...count].filter(([id, n]) => n >= 3 && boundary.has(id)).map(([id]) => id);
    expect(brokers).toEqual(
      expect.arrayContaining(['p-zoe-okafor', 'p-lukasz-wroblewski', 'p-priya-raghunathan']),
    );
    const outside = feed.people.filter((p) => !count.has(p.id));
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.length).toBeLessThan(feed.people.length * 0.3);
  });

  it('dates memberships between the founding of the community and its last activity', () => {
    for (const community of feed.communities) {
      for (const m of membersOf(community.id)) {
        expect(m.since! <= community.lastActivity!, `${m.person} in ${community.id}`).toBe(true);
      }
    }
  });

  it('gives every person unique emails and logins, on fictional hosts only', () => {
    const emails = feed.people.flatMap((p) => p.emails ?? []).map((e) => e.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    for (const person of feed.people) {
      const domain =
        person.company === 'Lumen Analytics' ? 'lumen-analytics.example' : 'northwind.example';
      expect(person.emails?.[0]).toMatch(
        new RegExp(`^[a-z]+\\.[a-z]+[0-9]*@${domain.replace('.', '\\.')}$`),
      );
    }
    const byHost = new Map<string, string[]>();
    for (const person of feed.people) {
      for (const [host, login] of Object.entries(person.handles ?? {})) {
        byHost.set(host, [...(byHost.get(host) ?? []), login.toLowerCase()]);
      }
    }
    expect(sorted(byHost.keys())).toEqual([
      'git.northwind.test',
      'github.com',
      'intranet.northwind.test',
      'wiki.northwind.test',
    ]);
    for (const logins of byHost.values()) expect(new Set(logins).size).toBe(logins.length);
    for (const login of byHost.get('github.com')!) expect(login).toMatch(/^nw-/);
    const urls = JSON.stringify(feed).match(/https?:\/\/[^"\s]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(100);
    for (const url of urls) expect(new URL(url).hostname).toMatch(/\.northwind\.test$/);
  });

  it('includes names with diacritics and their plain spellings as aliases', () => {
    const jose = feed.people.find((p) => p.id === 'p-jose-muller');
    expect(jose?.name).toBe('José Müller');
    expect(jose?.aliases).toContain('Jose Mueller');
    const diacritics = feed.people.filter((p) => /[^ -~]/.test(p.name));
    expect(diacritics.length).toBeGreaterThan(30);
    expect(feed.people.filter((p) => (p.aliases ?? []).length > 0).length).toBeGreaterThan(50);
  });

  it('is deterministic, and callers cannot change the next result by mutating one', () => {
    const first: FeedInput = generateDemoFeed();
    first.communities[0]!.name = 'changed';
    first.topics[0]!.aliases!.push('changed');
    expect(generateDemoFeed()).toEqual(feed);
  });

  it('matches the committed public/demo-feed.json byte for byte', () => {
    const committed = readFileSync(
      new URL('../../../public/demo-feed.json', import.meta.url),
      'utf8',
    );
    expect(committed, 'stale: run npx tsx scripts/build-demo-feed.ts').toBe(demoFeedJson());
  });
});
