// The sigs.yaml importer on the real kubernetes/community registry, read in place. The
// expected numbers were counted independently (PyYAML over the same files), not with this
// importer: 24 SIGs + 8 working groups + 3 committees; 237 distinct GitHub logins among
// chairs, tech leads, emeritus leads, subproject leads, liaisons and the governing-board
// representative; 330 distinct (person, group) pairs, of which 177 hold a current
// leadership seat (core) and 153 only an emeritus seat or a liaison (peripheral).
import { describe, expect, it } from 'vitest';
import { importK8sSigs } from '../../../lib/feedtool/k8s-sigs';
import type { CommunityInput, MembershipInput, PersonInput } from '../../../lib/feedtool/source';
import { validateFeed } from '../../../lib/model/validate';
import { corpusText, sourceConfig } from './helpers';

const FILE = 'kubernetes-community/sigs.yaml';
const config = sourceConfig({ type: 'k8s-sigs' });
const result = importK8sSigs(config, corpusText(FILE), FILE, {
  text: corpusText('kubernetes-community/communication/slack-config/users.yaml'),
  file: 'users.yaml',
});
const communities = new Map<string, CommunityInput>(
  result.records.communities.map((c) => [c.record.id, c.record]),
);
const people = new Map<string, PersonInput>(
  result.records.people.map((p) => [p.record.id, p.record]),
);
const membership = (person: string, community: string): MembershipInput | undefined =>
  result.records.memberships.find(
    (m) => m.record.person === person && m.record.community === community,
  )?.record;

describe('k8s-sigs importer on the real sigs.yaml', () => {
  it('maps every SIG, working group and committee to one community with its own topic', () => {
    const ids = [...communities.keys()];
    expect(ids).toHaveLength(35);
    expect(ids.filter((id) => id.startsWith('sig-'))).toHaveLength(24);
    expect(ids.filter((id) => id.startsWith('wg-'))).toHaveLength(8);
    expect(ids.filter((id) => id.startsWith('committee-'))).toHaveLength(3);
    expect(result.records.topics).toHaveLength(35);
    expect(communities.get('sig-api-machinery')).toMatchObject({
      name: 'SIG API Machinery',
      stage: 'active',
      standing: 'legitimized',
      openToNewcomers: true,
      topics: ['t-sig-api-machinery'],
    });
    expect(communities.get('wg-batch')?.name).toBe('WG Batch');
    expect(communities.get('committee-steering')).toMatchObject({
      name: 'Steering Committee',
      standing: 'strategic',
      openToNewcomers: false,
    });
  });

  it('finds the distinct people and their memberships', () => {
    expect(people.size).toBe(237);
    expect(result.records.memberships).toHaveLength(330);
    const byLevel = (level: string) =>
      result.records.memberships.filter((m) => m.record.participation === level).length;
    expect(byLevel('core')).toBe(177);
    expect(byLevel('peripheral')).toBe(153);
    expect(byLevel('active')).toBe(0);
    // 137 people have an email somewhere in the file; 67 have a Slack id in users.yaml.
    expect([...people.values()].filter((p) => (p.emails ?? []).length > 0)).toHaveLength(137);
    expect([...people.values()].filter((p) => p.handles?.['kubernetes.slack.com'])).toHaveLength(
      67,
    );
    expect(people.get('gh-aojea')).toMatchObject({
      name: 'Antonio Ojea',
      company: 'Google',
      emails: ['aojea@google.com'],
      handles: { 'github.com': 'aojea', 'kubernetes.slack.com': 'U7CK9A960' },
    });
  });

  it('gives chairs, tech leads, emeritus leads and liaisons their Wenger roles', () => {
    // deads2k is chair and tech lead of API Machinery: one membership holding both seats' roles.
    expect(membership('gh-deads2k', 'sig-api-machinery')).toEqual({
      person: 'gh-deads2k',
      community: 'sig-api-machinery',
      participation: 'core',
      roles: ['inspirational', 'day-to-day', 'classificatory', 'institutional'],
    });
    expect(membership('gh-jpbetz', 'sig-api-machinery')?.roles).toEqual([
      'inspirational',
      'classificatory',
    ]);
    // Emeritus: still remembered, at the periphery, without a leadership role.
    expect(membership('gh-huang-wei', 'wg-batch')).toMatchObject({
      participation: 'peripheral',
      roles: [],
    });
    // A steering liaison links the group to the project's governance.
    expect(membership('gh-saschagrunert', 'sig-api-machinery')).toMatchObject({
      participation: 'peripheral',
      roles: ['institutional'],
    });
    // Working-group chairs also bridge the SIGs the group serves.
    expect(membership('gh-amy', 'wg-batch')?.roles).toEqual([
      'day-to-day',
      'boundary',
      'institutional',
    ]);
    // Subproject leads lead day to day inside their SIG.
    expect(membership('gh-koba1t', 'sig-cli')).toMatchObject({
      participation: 'core',
      roles: ['day-to-day'],
    });
    expect(result.records.expertise).toHaveLength(54);
    expect(
      result.records.expertise.find((e) => e.record.person === 'gh-jpbetz')?.record,
    ).toMatchObject({
      topic: 't-sig-api-machinery',
      level: 4,
    });
  });

  it('maps channels, meetings, repertoire and stakeholder SIGs', () => {
    const contribex = communities.get('sig-contributor-experience')!;
    expect(contribex.channels).toContainEqual({
      kind: 'chat',
      label: '#sig-contribex',
      url: 'https://kubernetes.slack.com/messages/sig-contribex',
    });
    expect(contribex.channels).toContainEqual({
      kind: 'mailing-list',
      label: 'kubernetes-sig-contribex (mailing list)',
      url: 'https://groups.google.com/forum/#!forum/kubernetes-sig-contribex',
    });
    const conduct = communities.get('committee-code-of-conduct')!;
    expect(conduct.channels).toContainEqual({
      kind: 'mailing-list',
      label: 'conduct@kubernetes.io (private)',
    });
    const api = communities.get('sig-api-machinery')!;
    expect(api.meetings).toContainEqual({
      title: 'Regular SIG Meeting',
      schedule: 'biweekly on Wednesday at 11:00 PT (Pacific Time)',
      url: 'https://zoom.us/my/apimachinery',
    });
    expect(api.repertoire).toContainEqual({
      label: 'Charter',
      url: 'https://github.com/kubernetes/community/blob/master/sig-api-machinery/charter.md',
    });
    expect(api.repertoire).toContainEqual({
      label: 'Subproject yaml',
      url: 'https://github.com/kubernetes-sigs/yaml',
    });
    // Group meetings and subproject meetings: 72 + 30 in the file.
    expect([...communities.values()].reduce((n, c) => n + (c.meetings?.length ?? 0), 0)).toBe(102);
    expect(communities.get('wg-batch')?.related).toEqual([
      'sig-apps',
      'sig-autoscaling',
      'sig-node',
      'sig-scheduling',
    ]);
  });

  it('repairs or drops links the contract refuses, with file:line:column', () => {
    expect(result.problems.filter((p) => p.severity === 'warning')).toEqual([
      {
        severity: 'warning',
        file: FILE,
        line: 345,
        column: 25,
        message: 'left out the link "TBD": URL is not an absolute URL',
      },
    ]);
    expect(result.problems.filter((p) => p.severity === 'note').map((p) => p.line)).toEqual([
      1027, 1256, 1276, 2097,
    ]);
  });

  it('produces records the extension accepts in full', () => {
    const validation = validateFeed({
      format: 'constellation-feed',
      version: 1,
      feedId: 'k8s',
      generatedAt: '2026-08-21T00:00:00Z',
      organization: { name: 'Kubernetes' },
      ...Object.fromEntries(
        Object.entries(result.records).map(([list, records]) => [
          list,
          (records as { record: unknown }[]).map((r) => r.record),
        ]),
      ),
    });
    expect(validation.ok && validation.problems).toEqual([]);
  });

  it('reports a malformed group with its line and keeps the others', () => {
    const text = 'sigs:\n  - dir: sig-a\n    name: A\n  - name: B\n';
    const out = importK8sSigs(config, text, 'sigs.yaml');
    expect(out.records.communities.map((c) => c.record.id)).toEqual(['sig-a']);
    expect(out.problems).toEqual([
      {
        severity: 'warning',
        file: 'sigs.yaml',
        line: 4,
        column: 5,
        message:
          'sigs[1].dir: Invalid input: expected string, received undefined; this group is skipped',
      },
    ]);
  });
});
