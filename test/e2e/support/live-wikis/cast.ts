// Who has an account on the live wikis, taken from the demo organisation (Northwind Mutual):
// their names, e-mail addresses and logins as a company directory would hold them, and the
// feed that organisation would publish once its wikis are known — the demo feed under its
// own id, with each account's login on the wiki's host (handles are keyed by host, see
// lib/model/keys.ts), so badges resolve by account and not by display name.
import { generateDemoFeed } from '../../../../lib/demo/generate-demo';
import type { FeedInput } from '../../../../lib/model/feed';

export const MEDIAWIKI_HOST = 'mediawiki.wiki.test';
export const DOKUWIKI_HOST = 'dokuwiki.wiki.test';
/** What the test copy of the extension pre-grants: both wikis (the prompt's answer). */
export const WIKI_GRANT = '*://*.wiki.test/*';

export const WIKI_FEED_ID = 'northwind-wikis';

export interface WikiPerson {
  id: string;
  name: string;
  email: string;
  /** MediaWiki user name (spaces, as MediaWiki shows it), e.g. "Zoë Okafor". */
  mediawiki?: string;
  /** DokuWiki login (users.auth.php), e.g. "zokafor". */
  dokuwiki?: string;
}

const ON_MEDIAWIKI = [
  'p-zoe-okafor',
  'p-jose-muller',
  'p-lukasz-wroblewski',
  'p-priya-raghunathan',
  'p-mei-lin-chen',
  'p-kwame-asante',
];
const ON_DOKUWIKI = [
  'p-zoe-okafor',
  'p-jose-muller',
  'p-lukasz-wroblewski',
  'p-priya-raghunathan',
  'p-mei-lin-chen',
  'p-siobhan-obrien',
];

export const demoFeed: FeedInput = generateDemoFeed();

/**
 * The wiki accounts: MediaWiki user names are the demo wiki's (`Zoë_Okafor` → "Zoë Okafor"),
 * DokuWiki logins the demo code host's short logins (`zokafor`), as an LDAP directory would
 * hand them out.
 */
export const WIKI_PEOPLE: readonly WikiPerson[] = demoFeed.people
  .filter((p) => ON_MEDIAWIKI.includes(p.id) || ON_DOKUWIKI.includes(p.id))
  .map((p) => {
    const handles = p.handles ?? {};
    const wiki = handles['wiki.northwind.test'];
    const code = handles['git.northwind.test'];
    if (!wiki || !code || !p.emails?.[0]) throw new Error(`${p.id} lacks a demo login or email`);
    return {
      id: p.id,
      name: p.name,
      email: p.emails[0],
      ...(ON_MEDIAWIKI.includes(p.id) ? { mediawiki: wiki.replace(/_/g, ' ') } : {}),
      ...(ON_DOKUWIKI.includes(p.id) ? { dokuwiki: code } : {}),
    };
  });

export function wikiPerson(id: string): WikiPerson {
  const person = WIKI_PEOPLE.find((p) => p.id === id);
  if (!person) throw new Error(`${id} has no wiki account`);
  return person;
}

/** The demo organisation's feed with the wiki logins; everything else as in the demo. */
export function wikiFeed(): FeedInput {
  const accounts = new Map(WIKI_PEOPLE.map((p) => [p.id, p]));
  return {
    ...demoFeed,
    feedId: WIKI_FEED_ID,
    generatedAt: '2026-11-20T10:00:00Z',
    people: demoFeed.people.map((person) => {
      const account = accounts.get(person.id);
      if (!account) return person;
      return {
        ...person,
        handles: {
          ...person.handles,
          ...(account.mediawiki ? { [MEDIAWIKI_HOST]: account.mediawiki.replace(/ /g, '_') } : {}),
          ...(account.dokuwiki ? { [DOKUWIKI_HOST]: account.dokuwiki } : {}),
        },
      };
    }),
  };
}
