// The discovered layer is kept apart: discovered communities and their memberships leave the
// chartered analyses and come back as a labelled list with evidence, members ordered core first.
import { describe, expect, it } from 'vitest';
import { splitDiscovered } from '../../../lib/boundaries/discovered';
import type { LoadedConstellation } from '../../../lib/db/constellation';
import type { CommunityRow, MembershipRow, PersonRow } from '../../../lib/db/schema';

const community = (id: string, discovered?: boolean): CommunityRow => ({
  feedId: 'f',
  id,
  name: id.toUpperCase(),
  domain: `About ${id}`,
  topics: [],
  stage: 'active',
  standing: discovered ? 'unrecognized' : 'legitimized',
  openToNewcomers: true,
  visibility: 'public',
  channels: [],
  meetings: [],
  repertoire: [],
  related: [],
  ...(discovered
    ? {
        discovered: true,
        evidence: {
          summary: '40 commits by 3 people on docs since 2024',
          commits: 40,
          paths: ['docs'],
          with: [],
        },
      }
    : {}),
});

const person = (id: string, name: string) => ({ feedId: 'f', id, name }) as PersonRow;
const membership = (
  p: string,
  c: string,
  participation: MembershipRow['participation'],
  extra: Partial<MembershipRow> = {},
): MembershipRow => ({
  feedId: 'f',
  person: p,
  community: c,
  participation,
  roles: [],
  ...extra,
});

const loaded = (): LoadedConstellation => ({
  feeds: [],
  viewer: {
    personKeys: new Set(),
    communityKeys: new Set(),
  } as unknown as LoadedConstellation['viewer'],
  communities: [community('guild'), community('docs-work', true)],
  people: [person('a', 'Ana'), person('b', 'Ben'), person('c', 'Cleo')],
  units: [],
  topics: [],
  memberships: [
    membership('a', 'guild', 'core'),
    membership('b', 'docs-work', 'peripheral'),
    membership('a', 'docs-work', 'core', {
      roles: ['boundary'],
      evidence: {
        summary: '12 commits with Ben on docs since 2024',
        paths: ['docs'],
        with: ['Ben'],
      },
    }),
    membership('c', 'docs-work', 'active', {
      evidence: { summary: '3 commits', paths: [], with: [], newcomer: true },
    }),
  ],
  hiddenCommunities: 0,
});

describe('splitDiscovered', () => {
  it('keeps discovered communities and their memberships out of the chartered data', () => {
    const { chartered, discovered } = splitDiscovered(loaded());
    expect(chartered.communities.map((c) => c.id)).toEqual(['guild']);
    expect(chartered.memberships.map((m) => `${m.person}@${m.community}`)).toEqual(['a@guild']);
    expect(discovered).toEqual([
      {
        key: 'f/docs-work',
        name: 'DOCS-WORK',
        domain: 'About docs-work',
        stage: 'active',
        standing: 'unrecognized',
        evidence: {
          summary: '40 commits by 3 people on docs since 2024',
          commits: 40,
          paths: ['docs'],
          with: [],
        },
        members: [
          {
            name: 'Ana',
            participation: 'core',
            boundary: true,
            newcomer: false,
            evidence: '12 commits with Ben on docs since 2024',
          },
          {
            name: 'Cleo',
            participation: 'active',
            boundary: false,
            newcomer: true,
            evidence: '3 commits',
          },
          { name: 'Ben', participation: 'peripheral', boundary: false, newcomer: false },
        ],
      },
    ]);
  });

  it('passes a constellation without discovered communities through unchanged', () => {
    const data = loaded();
    data.communities = data.communities.filter((c) => !c.discovered);
    data.memberships = data.memberships.filter((m) => m.community === 'guild');
    const { chartered, discovered } = splitDiscovered(data);
    expect(chartered).toBe(data);
    expect(discovered).toEqual([]);
  });
});
