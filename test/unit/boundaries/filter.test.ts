// Filters shared by the map, table, lists and export; and the details of one community.
import { describe, expect, it } from 'vitest';
import { communityDetails } from '../../../lib/boundaries/details';
import { NO_FILTERS, filterCommunities, hasFilters } from '../../../lib/boundaries/filter';
import { boundaryOptions } from '../../../lib/boundaries/options';
import { analyseConstellation } from '../../../lib/boundaries/report';
import {
  bridgesInView,
  brokersInView,
  partnersInView,
  signalledInView,
} from '../../../lib/boundaries/views';
import { constellation, crowd, names } from './constellations';

const input = constellation({
  units: {
    claims: { name: 'Claims Processing', company: 'Acme' },
    it: { name: 'IT', company: 'Acme' },
    globex: { name: 'Globex Data', company: 'Globex' },
  },
  people: {
    ...crowd('c', 8, 'claims'),
    ...crowd('i', 6, 'it'),
    ...crowd('x', 2, 'globex'),
    bea: { unit: 'it' },
  },
  communities: {
    'Claims Circle': {
      topics: ['fraud', 'claims'],
      members: [...names('c', 7), 'bea'],
    },
    'Zoë’s Data Guild': {
      stage: 'coalescing',
      topics: ['fraud', 'claims', 'sql'],
      members: [...names('i', 6), 'x1', 'x2'],
    },
    'Ops Café': {
      stage: 'dispersed',
      standing: 'strategic',
      topics: ['ops'],
      members: ['bea', 'c8'],
    },
  },
});
const report = analyseConstellation(input, boundaryOptions('2026-11-01'));
const g = report.constellation;
const names_ = (list: number[]) => list.map((c) => report.communities[c]!.name);

describe('filters', () => {
  it('passes everything without filters', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(filterCommunities(report, NO_FILTERS)).toHaveLength(3);
  });

  it('searches names and topics, ignoring case and diacritics', () => {
    expect(names_(filterCommunities(report, { ...NO_FILTERS, search: 'zoe data' }))).toEqual([
      'Zoë’s Data Guild',
    ]);
    expect(names_(filterCommunities(report, { ...NO_FILTERS, search: 'CAFE' }))).toEqual([
      'Ops Café',
    ]);
    expect(names_(filterCommunities(report, { ...NO_FILTERS, search: 'sql' }))).toEqual([
      'Zoë’s Data Guild',
    ]);
  });

  it('filters by unit, company, topic, stage, standing, signal and partner presence', () => {
    const f = (patch: Partial<typeof NO_FILTERS>) =>
      names_(filterCommunities(report, { ...NO_FILTERS, ...patch }));
    expect(f({ unit: g.unitIndex({ feedId: 'test', id: 'claims' }) })).toEqual([
      'Claims Circle',
      'Ops Café',
    ]);
    expect(f({ company: g.companies.indexOf('Globex') })).toEqual(['Zoë’s Data Guild']);
    expect(f({ topic: g.topicIndex({ feedId: 'test', id: 'fraud' }) })).toEqual([
      'Claims Circle',
      'Zoë’s Data Guild',
    ]);
    expect(f({ stage: 'coalescing' })).toEqual(['Zoë’s Data Guild']);
    expect(f({ standing: 'strategic' })).toEqual(['Ops Café']);
    expect(f({ signal: 'mismatch' })).toEqual(['Ops Café']);
    expect(f({ crossCompany: true })).toEqual(['Zoë’s Data Guild']);
    expect(f({ stage: 'coalescing', standing: 'strategic' })).toEqual([]);
  });

  it('narrows brokers, bridges, signals and partners to the filtered communities', () => {
    const only = (search: string) => filterCommunities(report, { ...NO_FILTERS, search });
    expect(brokersInView(report, only('cafe')).map((b) => b.name)).toEqual(['bea']);
    expect(brokersInView(report, only('zoe'))).toEqual([]);
    expect(bridgesInView(report, only('zoe'))).toHaveLength(1);
    expect(bridgesInView(report, only('cafe'))).toHaveLength(0);
    expect(signalledInView(report, only('cafe')).map((c) => c.name)).toEqual(['Ops Café']);
    expect(partnersInView(report, only('circle'))).toEqual([]);
    expect(partnersInView(report, only('zoe')).map((p) => p.name)).toEqual(['Globex']);
  });
});

describe('community details', () => {
  it('lists links, the people who alone connect, bridges and a privacy-safe unit breakdown', () => {
    const claims = g.communityIndex({ feedId: 'test', id: 'Claims Circle' });
    const details = communityDetails(report, claims);
    expect(details.units.shown).toEqual([{ label: 'Claims Processing', count: { exact: 7 } }]);
    // Bea (IT) is the only one from her unit: folded into "other units", never named.
    expect(details.units.other).toEqual({ fewerThan: 5 });
    expect(details.units.otherGroups).toBe(1);
    expect(
      details.links.map((l) => [report.communities[l.community]!.name, l.sharedMembers]),
    ).toEqual([['Ops Café', 1]]);
    expect(details.soleConnectors.map((s) => g.people[s.person]!.name)).toEqual(['bea']);
    expect(
      details.bridges.map((b) => [b.a, b.b].map((c) => report.communities[c]!.name).sort()),
    ).toEqual([['Claims Circle', 'Zoë’s Data Guild']]);
  });
});
