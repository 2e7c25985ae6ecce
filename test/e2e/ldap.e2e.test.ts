// The LDAP importer against a real OpenLDAP slapd started by the test on 127.0.0.1 with a
// seeded directory (test/e2e/support/ldap): StartTLS and LDAPS with the server's own CA,
// a bind whose password comes from an environment variable, units nested by DN, groups of
// both kinds, and 10,000 people read by paged search from a server that refuses unpaged
// searches over 1,000 entries. Also a whole `build` with an ldap source.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, SizeLimitExceededError } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '../../lib/feedtool/build';
import { sourceConfigSchema } from '../../lib/feedtool/config';
import type { LdapSourceConfig } from '../../lib/feedtool/config-registries';
import { importLdap } from '../../lib/feedtool/importers/ldap';
import { ACME, BULK, BULK_GROUPS, BULK_PEOPLE, seedLdif } from './support/ldap/directory';
import {
  READER_DN,
  READER_PASSWORD,
  SIZE_LIMIT,
  startSlapd,
  type Slapd,
} from './support/ldap/slapd';

let slapd: Slapd;
const env = { LDAP_READER_PASSWORD: READER_PASSWORD };
const context = { baseDir: '/', display: (p: string) => p, env };

function ldapConfig(overrides: Record<string, unknown>): LdapSourceConfig {
  return sourceConfigSchema.parse({
    id: 'directory',
    type: 'ldap',
    url: slapd.ldapUrl,
    base: ACME,
    bindDN: READER_DN,
    passwordEnv: 'LDAP_READER_PASSWORD',
    startTLS: true,
    caFile: slapd.caFile,
    ...overrides,
  }) as LdapSourceConfig;
}

beforeAll(async () => {
  slapd = await startSlapd(seedLdif());
  console.log(`OpenLDAP slapd ${slapd.versions.slapd} on ${slapd.ldapUrl} and ${slapd.ldapsUrl}`);
}, 300_000);

afterAll(async () => {
  await slapd?.stop();
});

describe('ldap importer against a real slapd', () => {
  it('reads people, nested units and groups over StartTLS with a bind password from the environment', async () => {
    const result = await importLdap(ldapConfig({}), context);
    expect(result.problems.map((p) => p.severity)).toEqual(['note']);
    expect(result.problems[0]!.message).toMatch(/^1 group member is neither a person nor a group/);
    expect(result.records.units.map((u) => u.record)).toEqual([
      { id: 'ou-acme', name: 'acme' },
      { id: 'ou-engineering', name: 'Engineering', parent: 'ou-acme' },
      { id: 'ou-platform', name: 'Platform', parent: 'ou-engineering' },
      { id: 'ou-sales', name: 'Sales', parent: 'ou-acme' },
    ]);
    const people = new Map(result.records.people.map((p) => [p.record.id, p.record]));
    expect(people.get('ldap-alice')).toEqual({
      id: 'ldap-alice',
      name: 'Alice Chen-Wu',
      unit: 'ou-platform',
      title: 'Staff Engineer',
      emails: ['alice@example.org', 'a.chen@example.org'],
    });
    // No displayName: the cn is the name; no mail: no emails.
    expect(people.get('ldap-bob')).toEqual({
      id: 'ldap-bob',
      name: 'Bob Stone',
      unit: 'ou-sales',
      emails: ['bob@example.org'],
    });
    expect(people.get('ldap-carol')?.name).toBe('Carol Díaz');
    const communities = new Map(result.records.communities.map((c) => [c.record.id, c.record]));
    expect(communities.get('ldap-sre-guild')).toMatchObject({
      name: 'SRE Guild',
      domain: 'Keeping production boring',
    });
    expect(communities.get('ldap-all-guilds')?.related).toEqual(['ldap-sre-guild']);
    const seats = result.records.memberships.map((m) => m.record);
    expect(seats).toEqual(
      expect.arrayContaining([
        // Member and owner: one membership, the owner's seat.
        {
          person: 'ldap-alice',
          community: 'ldap-sre-guild',
          participation: 'core',
          roles: ['day-to-day'],
        },
        // A member DN written with other case and spaces is the same entry.
        { person: 'ldap-bob', community: 'ldap-sre-guild', participation: 'active', roles: [] },
        // groupOfUniqueNames with the optional "#'0101'B" suffix.
        { person: 'ldap-carol', community: 'ldap-writers', participation: 'active', roles: [] },
      ]),
    );
    expect(seats).toHaveLength(3);
  });

  it('reads over LDAPS too, and refuses a wrong password or a missing variable without showing secrets', async () => {
    const ldaps = await importLdap(ldapConfig({ url: slapd.ldapsUrl, startTLS: false }), context);
    expect(ldaps.records.people).toHaveLength(3);

    const wrong = await importLdap(ldapConfig({}), {
      ...context,
      env: { LDAP_READER_PASSWORD: 'not-it' },
    });
    expect(wrong.records.people).toEqual([]);
    expect(wrong.problems).toHaveLength(1);
    expect(wrong.problems[0]).toMatchObject({ severity: 'error', file: slapd.ldapUrl });
    expect(wrong.problems[0]!.message).toMatch(/^LDAP: .*invalid credentials/i);
    expect(wrong.problems[0]!.message).not.toContain('not-it');

    const unset = await importLdap(ldapConfig({}), { ...context, env: {} });
    expect(unset.problems[0]!.message).toBe(
      'the environment variable LDAP_READER_PASSWORD (the bind password) is not set',
    );
    // A certificate the client does not trust is refused (no CA given, self-signed server).
    const untrusted = await importLdap(ldapConfig({ caFile: undefined }), context);
    expect(untrusted.problems[0]!.message).toMatch(/^LDAP: .*(self[- ]signed|certificate)/i);
    // An empty subtree is refused, not an empty success.
    const empty = await importLdap(ldapConfig({ base: `ou=Sales,${ACME}`, units: null }), context);
    expect(empty.problems.map((p) => p.severity)).toEqual([]);
    const nothing = await importLdap(
      ldapConfig({ base: `cn=Writers,${ACME}`, units: null, groups: null }),
      context,
    );
    expect(nothing.problems[0]!.message).toMatch(/^found nothing under "cn=Writers,/);
  });

  it('pages through 10,000 people and 20 groups of 10,000 members (200,000 memberships)', async () => {
    // The server refuses the same search unpaged: paging is what makes it whole.
    const client = new Client({
      url: slapd.ldapsUrl,
      tlsOptions: {
        ca: [await readFile(slapd.caFile, 'utf8')],
      },
    });
    await client.bind(READER_DN, READER_PASSWORD);
    await expect(client.search(BULK, { filter: '(objectClass=inetOrgPerson)' })).rejects.toThrow(
      SizeLimitExceededError,
    );
    await client.unbind();

    const result = await importLdap(ldapConfig({ base: BULK, pageSize: 500 }), context);
    expect(result.problems).toEqual([]);
    expect(result.records.people).toHaveLength(BULK_PEOPLE);
    expect(BULK_PEOPLE).toBeGreaterThan(SIZE_LIMIT);
    expect(new Set(result.records.people.map((p) => p.record.id)).size).toBe(BULK_PEOPLE);
    expect(result.records.people.every((p) => p.record.unit === 'ou-bulk')).toBe(true);
    // More memberships than one spread call can pass as arguments (about 125,000 in V8).
    expect(result.records.memberships).toHaveLength(BULK_GROUPS.length * BULK_PEOPLE);
    expect(result.records.memberships.length).toBeGreaterThan(150_000);
    const communities = result.records.communities.map((c) => c.record.id);
    expect(communities).toEqual(
      BULK_GROUPS.map((name) => `ldap-${name.toLowerCase().replace(' ', '-')}`),
    );
    const seats = new Map<string, number>();
    for (const { record } of result.records.memberships)
      seats.set(
        `${record.person}\u0000${record.community}`,
        (seats.get(`${record.person}\u0000${record.community}`) ?? 0) + 1,
      );
    // Every person in every group, once.
    expect(seats.size).toBe(BULK_GROUPS.length * BULK_PEOPLE);
    expect(result.records.memberships[BULK_PEOPLE * 3 + 7]!.record).toMatchObject({
      person: 'ldap-user00007',
      community: 'ldap-cohort-03',
      participation: 'active',
    });
  });

  it('builds a valid feed from an ldap source named in a config', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'constellation-ldap-build-'));
    try {
      await writeFile(
        path.join(dir, 'feed.config.yaml'),
        [
          'feedId: acme-directory',
          'organization: { name: Acme }',
          'generatedAt: 2026-12-01T00:00:00Z',
          'sources:',
          `  - { id: dir, type: ldap, url: "${slapd.ldapsUrl}", base: "${ACME}", bindDN: "${READER_DN}", passwordEnv: LDAP_READER_PASSWORD, caFile: "${slapd.caFile}" }`,
          '',
        ].join('\n'),
      );
      process.env.LDAP_READER_PASSWORD = READER_PASSWORD;
      const result = await buildFeed(path.join(dir, 'feed.config.yaml'), { cwd: dir });
      expect(result.problems.filter((p) => p.severity !== 'note')).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.counts?.people).toEqual({
        total: 3,
        valid: 3,
        invalid: 0,
        dependent: 0,
        dropped: 0,
      });
      expect(result.counts?.communities.valid).toBe(3);
      expect(result.feed?.memberships).toHaveLength(3);
    } finally {
      delete process.env.LDAP_READER_PASSWORD;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
