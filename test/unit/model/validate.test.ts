import { describe, expect, it } from 'vitest';
import { validateFeed, validateFeedText, type FeedValidation } from '../../../lib/model/validate';
import { smallFeed, smallFeedJson } from '../../fixtures/small-feed';

type Json = Record<string, unknown>;

function records(feed: Json, list: string): Json[] {
  return feed[list] as Json[];
}

function valid(result: FeedValidation) {
  if (!result.ok) throw new Error(`expected a feed, got rejection: ${result.error.reason}`);
  return result;
}

function rejection(result: FeedValidation) {
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

describe('validateFeedText: documents that are not feeds are rejected whole', () => {
  it('rejects an empty body', () => {
    expect(rejection(validateFeedText('')).reason).toBe('the body is empty');
    expect(rejection(validateFeedText('  \n ')).reason).toBe('the body is empty');
  });

  it('rejects an HTML error page', () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    expect(rejection(validateFeedText(html)).reason).toMatch(/HTML/);
  });

  it('rejects truncated JSON and says it may be truncated', () => {
    const text = JSON.stringify(smallFeed());
    expect(rejection(validateFeedText(text.slice(0, text.length / 2))).reason).toMatch(
      /not valid JSON .*truncated/,
    );
  });

  it('rejects a wrong format with its path', () => {
    const feed = { ...smallFeedJson(), format: 'something-else' };
    expect(rejection(validateFeed(feed))).toEqual({
      reason: '"format" must be "constellation-feed"; this is not a Constellation feed',
      path: 'format',
    });
  });

  it('rejects an unknown major version clearly', () => {
    const error = rejection(validateFeed({ ...smallFeedJson(), version: 2 }));
    expect(error.path).toBe('version');
    expect(error.reason).toBe('unsupported feed version 2; this extension reads version 1');
  });

  it('rejects non-objects and a missing list', () => {
    expect(rejection(validateFeed([1, 2])).reason).toBe('the document is not a JSON object');
    expect(rejection(validateFeed(null)).reason).toBe('the document is not a JSON object');
    const { people: _dropped, ...noPeople } = smallFeedJson();
    expect(rejection(validateFeed(noPeople))).toEqual({
      reason: '"people" must be an array of records',
      path: 'people',
    });
  });

  it('rejects a broken envelope field with its path', () => {
    const error = rejection(validateFeed({ ...smallFeedJson(), generatedAt: 'yesterday' }));
    expect(error.path).toBe('generatedAt');
  });

  it('accepts a byte-order mark and surrounding white space', () => {
    const result = valid(validateFeedText(`\uFEFF\n ${JSON.stringify(smallFeed())}\n`));
    expect(result.feed.people).toHaveLength(4);
  });
});

describe('validateFeed: a valid feed', () => {
  it('returns every record, applies defaults, and reports no problems', () => {
    const result = valid(validateFeed(smallFeed()));
    expect(result.problems).toEqual([]);
    expect(result.counts.people).toEqual({
      total: 4,
      valid: 4,
      invalid: 0,
      dependent: 0,
      dropped: 0,
    });
    const bob = result.feed.people.find((p) => p.id === 'p-bob')!;
    expect(bob.aliases).toEqual([]);
    const membership = result.feed.memberships.find((m) => m.person === 'p-bob')!;
    expect(membership.roles).toEqual([]);
  });

  it('ignores unknown extra fields (forward compatibility)', () => {
    const feed = smallFeedJson();
    feed.futureField = { anything: true };
    records(feed, 'people')[0]!.pronouns = 'she/her';
    const result = valid(validateFeed(feed));
    expect(result.problems).toEqual([]);
    expect(result.feed.people[0]).not.toHaveProperty('pronouns');
  });
});

describe('validateFeed: bad records are skipped, the rest lands', () => {
  it('skips only the one invalid record among many', () => {
    const feed = smallFeedJson();
    const people = records(feed, 'people');
    for (let i = 0; i < 500; i++) people.push({ id: `p-extra-${i}`, name: `Extra ${i}` });
    people.splice(200, 0, { id: 'p-broken', name: '', emails: ['not-an-email'] });
    const result = valid(validateFeed(feed));
    expect(result.feed.people).toHaveLength(504);
    expect(result.problems).toEqual([
      {
        list: 'people',
        index: 200,
        id: 'p-broken',
        field: 'name',
        reason: 'must not be empty',
        path: 'people[200].name',
        effect: 'skipped',
      },
    ]);
    expect(result.counts.people).toEqual({
      total: 505,
      valid: 504,
      invalid: 1,
      dependent: 0,
      dropped: 0,
    });
  });

  it('drops a bad optional value and lands the record', () => {
    const feed = smallFeedJson();
    records(feed, 'people')[1]!.emails = ['bob@acme.example', 'not-an-email'];
    const result = valid(validateFeed(feed));
    expect(result.feed.people[1]!.emails).toEqual(['bob@acme.example']);
    expect(result.problems).toEqual([
      {
        list: 'people',
        index: 1,
        id: 'p-bob',
        field: 'emails[1]',
        reason: 'must be an email address',
        path: 'people[1].emails[1]',
        effect: 'dropped',
      },
    ]);
    expect(result.counts.people).toMatchObject({ valid: 4, invalid: 0, dropped: 1 });
  });

  it('reports a duplicate id and keeps the first', () => {
    const feed = smallFeedJson();
    records(feed, 'people').push({ id: 'p-bob', name: 'Another Bob' });
    const result = valid(validateFeed(feed));
    expect(result.feed.people.filter((p) => p.id === 'p-bob').map((p) => p.name)).toEqual([
      'Bob Okafor',
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        list: 'people',
        index: 4,
        id: 'p-bob',
        field: 'id',
        path: 'people[4].id',
        reason: 'duplicate id "p-bob": the first copy, people[1], wins',
        effect: 'skipped',
      }),
    ]);
  });

  it('reports duplicate memberships', () => {
    const feed = smallFeedJson();
    records(feed, 'memberships').push({
      person: 'p-bob',
      community: 'c-sre',
      participation: 'core',
    });
    const result = valid(validateFeed(feed));
    expect(result.problems).toEqual([
      expect.objectContaining({ list: 'memberships', index: 5, id: 'p-bob→c-sre' }),
    ]);
    expect(result.feed.memberships.find((m) => m.person === 'p-bob')!.participation).toBe('active');
  });

  it('tells pairs apart whatever their ids contain, and reports a duplicate of a dangling pair as a duplicate', () => {
    const feed = smallFeedJson();
    const communities = records(feed, 'communities');
    const base = communities[0]!;
    communities.push({ ...base, id: 'x→c-sre' }, { ...base, id: 'c-sre→x' });
    records(feed, 'people').push({ id: 'p-bob→x', name: 'Arrow Person' });
    // Same text once joined with "→", different pairs: both land.
    records(feed, 'memberships').push(
      { person: 'p-bob', community: 'x→c-sre', participation: 'peripheral' },
      { person: 'p-bob→x', community: 'c-sre', participation: 'peripheral' },
      { person: 'p-nobody', community: 'c-sre', participation: 'core' },
      { person: 'p-nobody', community: 'c-sre', participation: 'core' },
    );
    const result = valid(validateFeed(feed));
    const landed = result.feed.memberships.map((m) => `${m.person}|${m.community}`);
    expect(landed).toEqual(expect.arrayContaining(['p-bob|x→c-sre', 'p-bob→x|c-sre']));
    expect(result.problems.map((p) => [p.index, p.field, p.reason])).toEqual([
      [7, 'person', 'refers to person "p-nobody", which is not in this feed'],
      [8, '', 'duplicate entry "p-nobody→c-sre": the first copy, memberships[7], wins'],
    ]);
  });

  it('reports each kind of dangling reference with the field that dangles', () => {
    const feed = smallFeedJson();
    records(feed, 'people')[1]!.unit = 'nowhere';
    records(feed, 'communities')[0]!.topics = ['t-k8s', 't-missing'];
    records(feed, 'memberships').push({
      person: 'p-ghost',
      community: 'c-fraud',
      participation: 'active',
    });
    records(feed, 'expertise').push({ person: 'p-alice', topic: 't-ghost', level: 2 });
    records(feed, 'units').push({ id: 'orphan', name: 'Orphan', parent: 'gone' });
    const result = valid(validateFeed(feed));
    expect(result.problems.map((p) => [p.path, p.reason, p.effect])).toEqual([
      ['units[4].parent', 'refers to unit "gone", which is not in this feed', 'dropped'],
      ['people[1].unit', 'refers to unit "nowhere", which is not in this feed', 'dropped'],
      [
        'communities[0].topics[1]',
        'refers to topic "t-missing", which is not in this feed',
        'dropped',
      ],
      ['memberships[5].person', 'refers to person "p-ghost", which is not in this feed', 'skipped'],
      ['expertise[3].topic', 'refers to topic "t-ghost", which is not in this feed', 'skipped'],
    ]);
    // Optional references lose only the dangling entry; every record that named one lands.
    expect(result.feed.communities.map((c) => [c.id, c.topics])).toEqual([
      ['c-sre', ['t-k8s']],
      ['c-fraud', records(smallFeedJson(), 'communities')[1]!.topics],
    ]);
    expect(result.feed.people[1]).not.toHaveProperty('unit');
    expect(result.feed.units.find((u) => u.id === 'orphan')).not.toHaveProperty('parent');
  });

  it('never cascades through related communities: a left-out one is dropped from the lists naming it', () => {
    const feed = smallFeedJson();
    records(feed, 'communities')[1]!.related = ['c-sre'];
    records(feed, 'communities')[0]!.stage = 'thriving';
    const result = valid(validateFeed(feed));
    expect(result.feed.communities.map((c) => [c.id, c.related])).toEqual([['c-fraud', []]]);
    expect(
      result.problems.filter((p) => p.list === 'communities').map((p) => [p.path, p.effect]),
    ).toEqual([
      ['communities[0].stage', 'skipped'],
      ['communities[1].related[0]', 'dropped'],
    ]);
    // The memberships of the left-out community fall with it, counted as dependents.
    const dependents = result.problems.filter((p) => p.effect === 'dependent');
    expect(dependents.map((p) => p.path)).toEqual(
      result.problems.filter((p) => p.list === 'memberships').map((p) => p.path),
    );
    expect(dependents.length).toBeGreaterThan(0);
    expect(dependents[0]!.reason).toBe('refers to community "c-sre", which was left out');
    expect(result.counts.memberships.dependent).toBe(dependents.length);
    expect(result.counts.communities).toMatchObject({ invalid: 1, dependent: 0, dropped: 1 });
  });

  it('detects a loop in unit parents', () => {
    const feed = smallFeedJson();
    records(feed, 'units')[0]!.parent = 'claims';
    records(feed, 'units').push({ id: 'sub', name: 'Sub', parent: 'claims' });
    const result = valid(validateFeed(feed));
    expect(result.feed.units.map((u) => u.id)).toEqual(['platform', 'partner', 'sub']);
    expect(result.feed.units.find((u) => u.id === 'sub')).not.toHaveProperty('parent');
    expect(
      result.problems
        .filter((p) => p.list === 'units')
        .map((p) => `${p.id}: ${p.reason} (${p.effect})`),
    ).toEqual([
      'ops: the parent chain loops: ops → claims → ops (skipped)',
      'claims: the parent chain loops: claims → ops → claims (skipped)',
      'sub: refers to unit "claims", which was left out (dropped)',
    ]);
  });

  it('rejects javascript:, data: and plain-http links but allows http on localhost', () => {
    const feed = smallFeedJson();
    const sre = records(feed, 'communities')[0]!;
    sre.channels = [{ kind: 'chat', label: 'x', url: 'javascript:alert(1)' }];
    records(feed, 'people')[0]!.avatar = 'data:image/png;base64,AAAA';
    records(feed, 'expertise')[0]!.evidence = [{ label: 'e', url: 'http://evil.example/' }];
    records(feed, 'communities')[1]!.repertoire = [
      { label: 'local', url: 'http://127.0.0.1:8080/x' },
    ];
    const result = valid(validateFeed(feed));
    const reasons = Object.fromEntries(result.problems.map((p) => [p.path, p.reason]));
    expect(reasons['people[0].avatar']).toBe(
      'URL uses the data: scheme; only https links are allowed',
    );
    expect(reasons['communities[0].channels[0].url']).toBe(
      'URL uses the javascript: scheme; only https links are allowed',
    );
    expect(reasons['expertise[0].evidence[0].url']).toBe(
      'URL must use https (plain http is allowed only for localhost)',
    );
    // Each bad link costs only itself: the channel keeps its label, the records land.
    expect(result.feed.communities.map((c) => c.id)).toEqual(['c-sre', 'c-fraud']);
    expect(result.feed.communities[0]!.channels).toEqual([{ kind: 'chat', label: 'x' }]);
    expect(result.feed.people[0]).not.toHaveProperty('avatar');
    expect(result.feed.expertise[0]!.evidence).toEqual([]);
    expect(result.feed.communities[1]!.repertoire).toHaveLength(1);
    expect(result.problems.every((p) => p.effect === 'dropped')).toBe(true);
  });

  it('reports very long strings instead of storing them', () => {
    const feed = smallFeedJson();
    records(feed, 'people')[1]!.name = 'B'.repeat(100_000);
    records(feed, 'communities')[0]!.domain = 'x'.repeat(1_000_000);
    const result = valid(validateFeed(feed));
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['people[1].name', 'communities[0].domain']),
    );
    expect(result.feed.people.map((p) => p.id)).not.toContain('p-bob');
  });

  it('stores script and HTML in text fields verbatim, as text', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const feed = smallFeedJson();
    records(feed, 'people')[0]!.name = hostile;
    records(feed, 'people')[0]!.title = hostile;
    records(feed, 'topics')[0]!.description = hostile;
    records(feed, 'communities')[0]!.domain = hostile;
    records(feed, 'communities')[0]!.name = hostile;
    (feed.organization as Json).name = hostile;
    const result = valid(validateFeed(feed));
    expect(result.problems).toEqual([]);
    expect(result.feed.people[0]!.name).toBe(hostile);
    expect(result.feed.people[0]!.title).toBe(hostile);
    expect(result.feed.topics[0]!.description).toBe(hostile);
    expect(result.feed.communities[0]!.domain).toBe(hostile);
    expect(result.feed.organization.name).toBe(hostile);
  });

  it('does not let __proto__ keys pollute prototypes', () => {
    const text = JSON.stringify(smallFeed())
      .replace(
        '"handles":{"github.com":"AliceC"',
        '"handles":{"__proto__":{"polluted":true},"github.com":"AliceC"',
      )
      .replace('"id":"p-bob"', '"__proto__":{"polluted":true},"id":"p-bob"');
    expect(text).toContain('__proto__');
    const result = valid(validateFeedText(text));
    const alice = result.feed.people[0]!;
    expect(Object.getPrototypeOf(alice.handles)).toBe(Object.prototype);
    expect(Object.keys(alice.handles)).toEqual(['github.com', 'wiki.acme.example']);
    expect(({} as Json).polluted).toBeUndefined();
    expect((result.feed.people[1] as Json).polluted).toBeUndefined();
  });

  it('reports unknown vocabulary words and out-of-range levels', () => {
    const feed = smallFeedJson();
    records(feed, 'memberships')[0]!.roles = ['day-to-day', 'chief'];
    records(feed, 'expertise')[1]!.level = 6;
    const result = valid(validateFeed(feed));
    expect(result.problems.map((p) => p.path)).toEqual([
      'memberships[0].roles[1]',
      'expertise[1].level',
    ]);
  });

  it('rejects an unknown time zone and a handle host that is not a host', () => {
    const feed = smallFeedJson();
    records(feed, 'people')[0]!.timezone = 'Mars/Olympus';
    records(feed, 'people')[1]!.handles = { 'not a host': 'bob' };
    const result = valid(validateFeed(feed));
    expect(
      result.problems.filter((p) => p.list === 'people').map((p) => `${p.id} ${p.field}`),
    ).toEqual(['p-alice timezone', 'p-bob handles.not a host']);
    expect(result.problems.map((p) => p.reason)).toEqual([
      'must be an IANA time zone such as Europe/Berlin',
      'the key must be a host name such as github.com',
    ]);
    // Only the bad values go: both people land, with their memberships.
    expect(result.feed.people[0]).not.toHaveProperty('timezone');
    expect(result.feed.people[1]!.handles).toEqual({});
    expect(result.feed.memberships).toHaveLength(records(smallFeedJson(), 'memberships').length);
  });
});
