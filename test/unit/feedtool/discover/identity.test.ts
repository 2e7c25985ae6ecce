// People from commit identities: GitHub noreply addresses become handles, one address or
// one login is one person, full names join, one-word names do not, bots stay out.
import { describe, expect, it } from 'vitest';
import {
  githubLogin,
  IdentityBook,
  DEFAULT_BOT_PATTERNS,
} from '../../../../lib/feedtool/discover/identity';

describe('githubLogin', () => {
  it('reads both noreply forms and nothing else', () => {
    expect(githubLogin('1324225+hugovk@users.noreply.github.com')).toBe('hugovk');
    expect(githubLogin('Mariatta@users.noreply.github.com')).toBe('Mariatta');
    expect(githubLogin('hugo@example.org')).toBeUndefined();
    expect(githubLogin('x@noreply.github.com')).toBeUndefined();
  });
});

describe('IdentityBook', () => {
  it('unifies by address, login and full name; keeps the most used name', () => {
    const book = new IdentityBook(DEFAULT_BOT_PATTERNS);
    const ids = [
      book.record('Hugo van Kemenade', 'hugovk@users.noreply.github.com'),
      book.record('Hugo van Kemenade', '1324225+hugovk@users.noreply.github.com'),
      book.record('Hugo', '1324225+HugoVK@users.noreply.github.com'),
      book.record('Hugo van Kemenade', 'hugo@example.org'),
      book.record('Adam Turner', '9087854+AA-Turner@users.noreply.github.com'),
      book.record('Adam Turner', '9087854+aa-turner@users.noreply.github.com'),
      book.record('A. Turner', 'ADAM@example.org'),
      book.record('adam', 'adam@example.org'),
      book.record('Sam', 'sam1@example.org'),
      book.record('Sam', 'sam2@example.org'),
    ];
    const { people, personOf } = book.unify({ sameName: true });
    const of = (i: number) => personOf[ids[i]!]!;
    expect(new Set([of(0), of(1), of(2), of(3)]).size).toBe(1);
    expect(new Set([of(4), of(5)]).size).toBe(1);
    expect(of(6)).toBe(of(7));
    expect(of(6)).not.toBe(of(4)); // "A. Turner" shares no address, login or full name
    expect(of(8)).not.toBe(of(9)); // one-word names are too common to join on
    const hugo = people[of(0)]!;
    expect(hugo).toMatchObject({
      name: 'Hugo van Kemenade',
      github: 'hugovk',
      emails: ['hugo@example.org'],
    });
    expect(hugo.aliases).toEqual(['Hugo']);
  });

  it('does not join by name when sameName is off', () => {
    const book = new IdentityBook([]);
    const a = book.record('Jane Doe', 'jane@a.example');
    const b = book.record('Jane Doe', 'jane@b.example');
    const { personOf } = book.unify({ sameName: false });
    expect(personOf[a]).not.toBe(personOf[b]);
  });

  it('leaves bots out by the default patterns and counts their commits', () => {
    const book = new IdentityBook(DEFAULT_BOT_PATTERNS);
    const bots = [
      ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
      ['github-actions', '41898282+github-actions[bot]@users.noreply.github.com'],
      ['renovate', 'bot@renovateapp.com'],
      ['Release Bot', 'release@example.org'],
      ['ci', 'ci-bot@example.org'],
    ];
    for (const [name, email] of bots) expect(book.record(name!, email!)).toBe(-1);
    book.record('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com');
    expect(book.record('Abbot Costello', 'abbot@example.org')).toBeGreaterThanOrEqual(0);
    expect(book.record('Robert Botha', 'robert@example.org')).toBeGreaterThanOrEqual(0);
    expect(book.botsSeen().find((b) => b.identity.startsWith('dependabot'))?.commits).toBe(2);
    expect(book.unify({ sameName: true }).people.map((p) => p.name)).toEqual([
      'Abbot Costello',
      'Robert Botha',
    ]);
  });
});
