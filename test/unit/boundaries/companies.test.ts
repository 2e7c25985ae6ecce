// The cross-company boundary on a hand-made constellation: Globex people (company from their
// unit, or their own) take part in two of three communities.
import { describe, expect, it } from 'vitest';
import { companyBoundary } from '../../../lib/boundaries/companies';
import { indexConstellation } from '../../../lib/boundaries/constellation';
import { communityFacts } from '../../../lib/boundaries/profile';
import { boundaryOptions } from '../../../lib/boundaries/options';
import { constellation, crowd, names } from './constellations';

const input = constellation({
  units: { acme: { company: 'Acme' }, globex: { company: 'Globex' } },
  people: {
    ...crowd('a', 10, 'acme'),
    ...crowd('x', 6, 'globex'),
    // Says their own company although their unit is Acme's.
    seconded: { unit: 'acme', company: 'Globex' },
  },
  communities: {
    Joint: {
      members: [...names('a', 4), ...names('x', 6), { person: 'a5', roles: ['boundary'] }],
    },
    Pair: { members: ['a6', 'a7', 'x1', 'seconded'] },
    Home: { members: names('a', 10) },
  },
});

describe('cross-company boundary', () => {
  const g = indexConstellation(input);
  const options = boundaryOptions('2026-11-01');
  const boundary = companyBoundary(g, options);
  const name = (c: number) => g.communities[c]!.name;

  it('takes the company most people belong to as home, and marks communities with partners', () => {
    expect(g.companies).toEqual(['Acme', 'Globex']);
    expect(boundary.homeCompany).toBe('Acme');
    expect(boundary.crossCompanyCommunities.map(name)).toEqual(['Joint', 'Pair']);
    const facts = communityFacts(g, options);
    expect(facts.map((f) => [f.name, f.partnerMembers])).toEqual([
      ['Joint', 6],
      ['Pair', 2],
      ['Home', 0],
    ]);
  });

  it('per partner: people and members per community, suppressed below the minimum', () => {
    const [globex] = boundary.partners;
    expect(globex!.name).toBe('Globex');
    expect(globex!.people).toEqual({ exact: 7 });
    expect(
      globex!.communities.map((c) => [name(c.community), c.members, c.partnerMembers]),
    ).toEqual([
      ['Joint', 11, { exact: 6 }],
      ['Pair', 4, { fewerThan: 5 }],
    ]);
    expect(globex!.communities[0]!.boundaryHolders.map((p) => g.people[p]!.id)).toEqual(['a5']);
    expect(globex!.connectors.map((p) => g.people[p]!.id)).toEqual(['x1']);
  });

  it('lets the home company be chosen', () => {
    const flipped = companyBoundary(g, { ...options, homeCompany: 'Globex' });
    expect(flipped.partners.map((p) => p.name)).toEqual(['Acme']);
    expect(flipped.crossCompanyCommunities.map(name)).toEqual(['Home', 'Joint', 'Pair']);
  });
});
