import { describe, expect, it } from 'vitest';
import {
  identityKeys,
  mergeQueries,
  resolveIdentity,
  usableNameKey,
  type IdentityAnswer,
  type ResolvedPerson,
} from '../../../lib/match/identity';
import { codeHostLogin, profileHandle, wikiUserLogin } from '../../../lib/match/profile-url';
import { emailKey, handleKey, nameKey } from '../../../lib/model/keys';

const person = (id: string): ResolvedPerson => ({
  feedId: 'f',
  id,
  name: id,
  communities: 0,
  sharedWithMe: [],
  isMe: false,
});

describe('identity keys', () => {
  it('uses the database key functions: handles per host, emails and names folded', () => {
    const keys = identityKeys({
      handles: [{ host: 'WWW.GitHub.com', login: 'AliceC' }],
      emails: [' Alice.Chen@ACME.example '],
      names: ['  José   MÜLLER ', '@bob'],
    });
    expect(keys).toEqual({
      handles: [handleKey('github.com', 'alicec')],
      emails: [emailKey('alice.chen@acme.example')],
      // '@bob' is one token: never looked up as a name.
      names: [nameKey('Jose Muller')],
    });
  });

  it('never looks up initials, numbers, blanks or single tokens as names', () => {
    expect(usableNameKey('AB')).toBeUndefined();
    expect(usableNameKey('1234')).toBeUndefined();
    expect(usableNameKey('   ')).toBeUndefined();
    expect(usableNameKey('Zoë')).toBeUndefined();
    expect(usableNameKey('zokafor')).toBeUndefined();
    expect(usableNameKey('Zoë Okafor')).toBe('zoe okafor');
  });

  it('merges a page worth of queries without repeats', () => {
    const a = identityKeys({
      handles: [{ host: 'github.com', login: 'x' }],
      emails: [],
      names: ['Ann Lee'],
    });
    const b = identityKeys({
      handles: [{ host: 'github.com', login: 'X' }],
      emails: [],
      names: ['ann lee'],
    });
    expect(mergeQueries([a, b])).toEqual({
      handles: ['github.com x'],
      emails: [],
      names: ['ann lee'],
    });
  });
});

describe('resolving one mention', () => {
  const answer: IdentityAnswer = {
    handles: { 'github.com alice': ['f\u0000p-alice'] },
    emails: { 'bob@acme.example': ['f\u0000p-bob'] },
    names: { 'sam lee': ['f\u0000p-sam1', 'f\u0000p-sam2'], 'carol d': ['f\u0000p-carol'] },
    people: {
      'f\u0000p-alice': person('p-alice'),
      'f\u0000p-bob': person('p-bob'),
      'f\u0000p-sam1': person('p-sam1'),
      'f\u0000p-sam2': person('p-sam2'),
      'f\u0000p-carol': person('p-carol'),
    },
  };

  it('prefers an account (handle, then email) over a name', () => {
    expect(
      resolveIdentity({ handles: ['github.com alice'], emails: [], names: ['carol d'] }, answer)
        ?.id,
    ).toBe('p-alice');
    expect(
      resolveIdentity(
        { handles: ['github.com nobody'], emails: ['bob@acme.example'], names: [] },
        answer,
      )?.id,
    ).toBe('p-bob');
  });

  it('takes a name only when it names exactly one person', () => {
    expect(
      resolveIdentity({ handles: [], emails: [], names: ['sam lee'] }, answer),
    ).toBeUndefined();
    expect(resolveIdentity({ handles: [], emails: [], names: ['carol d'] }, answer)?.id).toBe(
      'p-carol',
    );
    expect(resolveIdentity({ handles: [], emails: [], names: ['carol'] }, answer)).toBeUndefined();
  });
});

describe('profile URL patterns', () => {
  const base = new URL('http://intranet.acme.example/news/1');
  it('recognises public code-host profiles but not their site pages', () => {
    expect(profileHandle('https://github.com/AliceC', base)).toEqual({
      host: 'github.com',
      login: 'AliceC',
    });
    expect(profileHandle('https://www.github.com/alice', base)).toEqual({
      host: 'github.com',
      login: 'alice',
    });
    expect(profileHandle('https://github.com/features', base)).toBeUndefined();
    expect(profileHandle('https://github.com/o/r', base)).toBeUndefined();
    expect(profileHandle('https://gitlab.com/jmuller', base)).toEqual({
      host: 'gitlab.com',
      login: 'jmuller',
    });
    expect(codeHostLogin(new URL('https://github.com/alice?tab=repositories'))).toBeUndefined();
  });

  it('recognises directory and wiki profiles on the page host', () => {
    expect(profileHandle('/people/priya.raghunathan', base)).toEqual({
      host: 'intranet.acme.example',
      login: 'priya.raghunathan',
    });
    expect(profileHandle('/display/~jdoe', base)).toEqual({
      host: 'intranet.acme.example',
      login: 'jdoe',
    });
    expect(profileHandle('/~jdoe', base)).toEqual({ host: 'intranet.acme.example', login: 'jdoe' });
    expect(wikiUserLogin(new URL('http://wiki.x/wiki/User:Zo%C3%AB_Okafor'))).toBe('Zoë_Okafor');
    expect(
      wikiUserLogin(new URL('http://wiki.x/w/index.php?title=User:Zo%C3%AB%20Okafor&action=edit')),
    ).toBe('Zoë_Okafor');
    // Path info, MediaWiki's default without short URLs (Debian's package serves these).
    expect(wikiUserLogin(new URL('http://wiki.x/mediawiki/index.php/User:Zo%C3%AB_Okafor'))).toBe(
      'Zoë_Okafor',
    );
    expect(profileHandle('/mediawiki/index.php/User:Jdoe', base)).toEqual({
      host: 'intranet.acme.example',
      login: 'Jdoe',
    });
    expect(wikiUserLogin(new URL('http://wiki.x/index.php/Main_Page'))).toBeUndefined();
    expect(wikiUserLogin(new URL('http://wiki.x/index.php/User:%E0%A4%A'))).toBeUndefined();
    expect(wikiUserLogin(new URL('http://wiki.x/wiki/User_talk:X'))).toBeUndefined();
    expect(wikiUserLogin(new URL('http://wiki.x/wiki/User:X/Sandbox'))).toBeUndefined();
    expect(profileHandle('mailto:a@b.example', base)).toBeUndefined();
    expect(profileHandle('javascript:alert(1)', base)).toBeUndefined();
    expect(profileHandle('/people/%E0%A4%A', base)).toBeUndefined();
  });
});
