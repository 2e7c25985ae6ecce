// The directory the LDAP importer's tests read, as LDIF for slapadd: a small organisation
// (nested units, people with one or two addresses, a groupOfNames with an owner and a
// nested group, a groupOfUniqueNames with the optional unique-id suffix, a person without a
// displayName) under ou=acme, and a large one under ou=bulk: 10,000 people, each in every one
// of 20 groups of 10,000 members (200,000 memberships: more items than a spread call passes,
// which once crashed the importer).
import { READER_DN, READER_PASSWORD, SUFFIX } from './slapd';

export const ACME = `ou=acme,${SUFFIX}`;
export const BULK = `ou=bulk,${SUFFIX}`;
export const BULK_PEOPLE = 10_000;
/** "Everyone" and "Cohort 01" … "Cohort 19", each with every bulk person. */
export const BULK_GROUPS = [
  'Everyone',
  ...Array.from({ length: 19 }, (_, i) => `Cohort ${String(i + 1).padStart(2, '0')}`),
];

/** One LDIF entry. */
export function entry(dn: string, attributes: [string, string][]): string {
  return [`dn: ${dn}`, ...attributes.map(([k, v]) => `${k}: ${v}`)].join('\n');
}

/** The suffix's organization and the reader the tests bind as: every seeded directory's top. */
export function rootEntries(): string[] {
  return [
    entry(SUFFIX, [
      ['objectClass', 'dcObject'],
      ['objectClass', 'organization'],
      ['dc', 'example'],
      ['o', 'Example'],
    ]),
    entry(READER_DN, [
      ['objectClass', 'organizationalRole'],
      ['objectClass', 'simpleSecurityObject'],
      ['cn', 'reader'],
      ['userPassword', READER_PASSWORD],
    ]),
  ];
}

const ou = (dn: string, name: string) =>
  entry(dn, [
    ['objectClass', 'organizationalUnit'],
    ['ou', name],
  ]);

function person(dn: string, uid: string, cn: string, extra: [string, string][] = []): string {
  return entry(dn, [
    ['objectClass', 'inetOrgPerson'],
    ['uid', uid],
    ['cn', cn],
    ['sn', cn.split(' ').pop()!],
    ...extra,
  ]);
}

export function seedLdif(): string {
  const blocks: string[] = [
    ...rootEntries(),
    ou(ACME, 'acme'),
    ou(`ou=Engineering,${ACME}`, 'Engineering'),
    ou(`ou=Platform,ou=Engineering,${ACME}`, 'Platform'),
    ou(`ou=Sales,${ACME}`, 'Sales'),
    person(`uid=alice,ou=Platform,ou=Engineering,${ACME}`, 'Alice', 'Alice Chen', [
      ['displayName', 'Alice Chen-Wu'],
      ['mail', 'alice@example.org'],
      ['mail', 'a.chen@example.org'],
      ['title', 'Staff Engineer'],
    ]),
    person(`uid=bob,ou=Sales,${ACME}`, 'bob', 'Bob Stone', [['mail', 'bob@example.org']]),
    person(`uid=carol,ou=Engineering,${ACME}`, 'carol', 'Carol Diaz', [
      ['displayName', 'Carol Díaz'],
    ]),
    entry(`cn=SRE Guild,${ACME}`, [
      ['objectClass', 'groupOfNames'],
      ['cn', 'SRE Guild'],
      ['description', 'Keeping production boring'],
      ['member', `uid=alice,ou=Platform,ou=Engineering,${ACME}`],
      ['member', `UID=bob, OU=Sales, ${ACME}`],
      ['owner', `uid=alice,ou=Platform,ou=Engineering,${ACME}`],
    ]),
    entry(`cn=Writers,${ACME}`, [
      ['objectClass', 'groupOfUniqueNames'],
      ['cn', 'Writers'],
      ['uniqueMember', `uid=carol,ou=Engineering,${ACME}#'0101'B`],
    ]),
    entry(`cn=All Guilds,${ACME}`, [
      ['objectClass', 'groupOfNames'],
      ['cn', 'All Guilds'],
      ['member', `cn=SRE Guild,${ACME}`],
      ['member', `cn=nobody,${ACME}`],
    ]),
    ou(BULK, 'bulk'),
  ];
  const members: [string, string][] = [];
  for (let i = 0; i < BULK_PEOPLE; i++) {
    const uid = `user${String(i).padStart(5, '0')}`;
    const dn = `uid=${uid},${BULK}`;
    blocks.push(person(dn, uid, `User ${i}`, [['mail', `${uid}@example.org`]]));
    members.push(['member', dn]);
  }
  for (const name of BULK_GROUPS)
    blocks.push(
      entry(`cn=${name},${BULK}`, [['objectClass', 'groupOfNames'], ['cn', name], ...members]),
    );
  return `${blocks.join('\n\n')}\n`;
}
