// The governance importer on OpenStack-style projects.yaml and sigs.yaml (a folder holding
// both), with a PTL team, a distributed-leadership team, TC liaisons, extra ATCs, SIGs with
// chairs and blank values; a wrong file is refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGovernance } from '../../../lib/feedtool/importers/governance';
import { CORPUS, FIXTURES, REPO_ROOT, sourceConfig } from './helpers';

const display = (p: string) => path.relative(REPO_ROOT, p);
const folder = path.join(FIXTURES, 'registries/governance');
const config = sourceConfig({ type: 'governance' });

describe('governance importer', async () => {
  const result = await importGovernance(config, folder, display);
  const communities = new Map(result.records.communities.map((c) => [c.record.id, c.record]));
  const seat = (person: string, community: string) =>
    result.records.memberships.find(
      (m) => m.record.person === person && m.record.community === community,
    )?.record;

  it('imports every project team and SIG', () => {
    expect(result.problems).toEqual([]);
    expect([...communities.keys()]).toEqual([
      'keymaster',
      'blockstore',
      'docs-team',
      'sig-bare-metal',
      'sig-resource-management',
      'sig-old-things',
    ]);
    expect(communities.get('keymaster')).toMatchObject({
      name: 'keymaster',
      domain:
        'To produce a secret storage and generation system for services that need encryption.',
      topics: ['t-keymaster', 't-python-keymasterclient'],
      channels: [
        { kind: 'chat', label: '#openstack-keymaster on irc.oftc.net' },
        {
          kind: 'wiki',
          label: 'keymaster team page',
          url: 'https://wiki.example.org/wiki/Keymaster',
        },
      ],
      repertoire: [
        { label: 'openstack/keymaster', url: 'https://opendev.org/openstack/keymaster' },
        { label: 'keymaster contributor docs', url: 'https://docs.example.org/keymaster/latest/' },
        {
          label: 'openstack/python-keymasterclient',
          url: 'https://opendev.org/openstack/python-keymasterclient',
        },
      ],
    });
    expect(communities.get('sig-resource-management')).toMatchObject({
      name: 'Resource Management SIG',
      stage: 'coalescing',
    });
    expect(communities.get('sig-old-things')?.stage).toBe('memorable');
    // The team's own topic is labelled with its service.
    expect(
      result.records.topics.find((t) => t.record.id === 't-keymaster')?.record.description,
    ).toBe('Key Manager service');
  });

  it('maps PTLs, liaisons, TC liaisons, extra ATCs and chairs by the role table', () => {
    // PTL who is also the release liaison: one membership with both roles.
    expect(seat('os-mkeyes', 'keymaster')).toEqual({
      person: 'os-mkeyes',
      community: 'keymaster',
      participation: 'core',
      roles: ['day-to-day', 'boundary', 'institutional'],
    });
    expect(seat('os-nadia', 'keymaster')).toMatchObject({
      participation: 'peripheral',
      roles: ['boundary', 'institutional'],
    });
    expect(seat('os-omar-translator', 'keymaster')).toMatchObject({
      participation: 'active',
      roles: [],
    });
    // Distributed leadership: liaisons instead of a PTL.
    expect(seat('os-pia', 'blockstore')).toMatchObject({
      participation: 'core',
      roles: ['boundary'],
    });
    expect(seat('os-quinn', 'blockstore')).toMatchObject({
      participation: 'core',
      roles: ['boundary'],
    });
    expect(seat('os-rolf', 'blockstore')?.participation).toBe('peripheral');
    expect(seat('os-tmetal', 'sig-bare-metal')).toMatchObject({
      participation: 'core',
      roles: ['day-to-day', 'boundary', 'institutional'],
    });
    // Counted by hand: keymaster 3, blockstore 4, docs-team 1, Bare Metal 2, Resource Management 1.
    expect(result.records.memberships).toHaveLength(11);
  });

  it('keys people by IRC nick, with email and IRC handle; blank emails are absent', () => {
    const people = new Map(result.records.people.map((p) => [p.record.id, p]));
    expect(people.get('os-mkeyes')?.record).toEqual({
      id: 'os-mkeyes',
      name: 'Maya Keyes',
      handles: { 'irc.oftc.net': 'mkeyes' },
      emails: ['maya.keyes@example.org'],
    });
    // Sara Docs: PTL with a blank email, SIG chair with one; one person with the email.
    expect(people.get('os-sdocs')?.record.emails).toEqual(['sara.docs@example.org']);
    expect(people.get('os-quinn')?.record.emails).toBeUndefined();
    // A bare nick (a TC liaison) is a person whose name is a placeholder.
    expect(people.get('os-nadia')?.weak).toEqual(['name']);
    // mkeyes, nadia, omar, pia, quinn, rolf, sdocs, tmetal, umares.
    expect(people.size).toBe(9);
  });

  it('refuses a registry it cannot read, saying what it expected and found', async () => {
    const wrong = await importGovernance(
      config,
      path.join(CORPUS, 'kubernetes-community/sigs.yaml'),
      display,
    );
    expect(wrong.records.communities).toEqual([]);
    expect(wrong.problems.map((p) => p.severity)).toEqual(['error']);
    expect(wrong.problems[0]!.message).toMatch(
      /found no project teams or SIGs: expected .*`ptl`.*found .*`sigs`, `workinggroups`/,
    );
  });
});
