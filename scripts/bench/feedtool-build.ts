// The feed tool at directory scale: `constellation-feed build` (the real binary, a process of
// its own, as a publisher runs it) turning what an organisation keeps into the feed, for N
// people, from three kinds of source:
//   csv      an HR export (one row per person, units as columns; no communities),
//   ldap     a directory served by a real OpenLDAP slapd on 127.0.0.1 (people under nested
//            OUs, one groupOfNames per community; paged search),
//   mapping  a JSON registry (communities with their members) read through a mapping.
// The inputs are made from the synthetic feed (lib/demo/synthetic.ts: 3 memberships per
// person), and each build is checked to give back its people and memberships. Baseline in the
// same run: a Node process that reads the built feed, parses it, serialises it and writes it
// back (what any tool writing this document costs at least). Time is wall time of the process,
// memory its peak resident set (`/usr/bin/time`).
// `npm run bench -- --suite feedtool-build [--people N] [--sources csv,ldap,mapping]`
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateSyntheticFeed } from '../../lib/demo/synthetic';
import type { FeedInput } from '../../lib/model/feed';
import { entry, rootEntries } from '../../test/e2e/support/ldap/directory';
import { READER_DN, READER_PASSWORD, startSlapd, SUFFIX } from '../../test/e2e/support/ldap/slapd';
import { listOption, numberOption, printTable, ratio } from './harness';

const run = promisify(execFile);
const BIN = path.resolve('bin/constellation-feed.js');
const SOURCES = ['csv', 'ldap', 'mapping'] as const;
type Source = (typeof SOURCES)[number];

interface Measured {
  seconds: number;
  peakMB: number;
}

/** Runs a command under /usr/bin/time: its wall time and peak resident set. */
async function measured(command: string, args: string[], env = process.env): Promise<Measured> {
  const { stderr } = await run('/usr/bin/time', ['-f', 'TIME %e %M', command, ...args], {
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = /TIME ([\d.]+) (\d+)\s*$/.exec(stderr);
  if (!line) throw new Error(`no timing from /usr/bin/time: ${stderr.slice(-500)}`);
  return { seconds: Number(line[1]), peakMB: Number(line[2]) / 1024 };
}

const csvCell = (value: string | undefined) =>
  value === undefined ? '' : /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

function hrExport(feed: FeedInput): string {
  const units = new Map(feed.units.map((u) => [u.id, u]));
  const rows = ['Employee ID,Full Name,Email,Department ID,Department,Parent Department,Title'];
  for (const p of feed.people) {
    const unit = p.unit ? units.get(p.unit) : undefined;
    rows.push(
      [p.id, p.name, p.emails?.join('; '), p.unit, unit?.name, unit?.parent, p.title]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

const HR_CONFIG = `    people:
      id: '{Employee ID}'
      name: '{Full Name}'
      emails: '{Email}'
      unit: '{Department ID}'
      title: '{Title}'
    units:
      - id: '{Department ID}'
        name: '{Department}'
        parent: '{Parent Department}'
`;

const dnValue = (value: string) => value.replace(/([,+"\\<>;=#])/g, '\\$1');

function directoryLdif(feed: FeedInput, base: string): string {
  const blocks = [
    ...rootEntries(),
    entry(base, [
      ['objectClass', 'organizationalUnit'],
      ['ou', 'org'],
    ]),
  ];
  // Units nest by DN; a parent always comes before its children in the synthetic feed.
  const unitDn = new Map<string, string>();
  for (const unit of feed.units) {
    const dn = `ou=${dnValue(unit.id)},${unit.parent ? unitDn.get(unit.parent)! : base}`;
    unitDn.set(unit.id, dn);
    blocks.push(
      entry(dn, [
        ['objectClass', 'organizationalUnit'],
        ['ou', unit.id],
        ['description', unit.name],
      ]),
    );
  }
  const personDn = new Map<string, string>();
  for (const p of feed.people) {
    const dn = `uid=${dnValue(p.id)},${p.unit ? unitDn.get(p.unit)! : base}`;
    personDn.set(p.id, dn);
    const attributes: [string, string][] = [
      ['objectClass', 'inetOrgPerson'],
      ['uid', p.id],
      ['cn', p.name],
      ['sn', p.name.split(' ').pop()!],
    ];
    for (const email of p.emails ?? []) attributes.push(['mail', email]);
    if (p.title) attributes.push(['title', p.title]);
    blocks.push(entry(dn, attributes));
  }
  const members = new Map<string, string[]>();
  for (const m of feed.memberships) {
    const list = members.get(m.community) ?? [];
    list.push(personDn.get(m.person)!);
    members.set(m.community, list);
  }
  for (const c of feed.communities) {
    const list = members.get(c.id) ?? [];
    blocks.push(
      entry(`cn=${dnValue(c.id)},${base}`, [
        ['objectClass', 'groupOfNames'],
        ['cn', c.id],
        ['description', c.name],
        // groupOfNames needs a member: an empty group names the base (not a person).
        ...(list.length > 0 ? list : [base]).map((dn): [string, string] => ['member', dn]),
      ]),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}

function registry(feed: FeedInput): string {
  const people = new Map(feed.people.map((p) => [p.id, p]));
  const members = new Map<string, object[]>();
  for (const m of feed.memberships) {
    const p = people.get(m.person)!;
    const list = members.get(m.community) ?? [];
    list.push({ id: p.id, name: p.name, email: p.emails?.[0] ?? null, role: m.participation });
    members.set(m.community, list);
  }
  return JSON.stringify({
    communities: feed.communities.map((c) => ({
      id: c.id,
      name: c.name,
      domain: c.domain,
      members: members.get(c.id) ?? [],
    })),
  });
}

const MAPPING_CONFIG = `    communities:
      - select: '$.communities[*]'
        id: '{id}'
        name: '{name}'
        domain: '{domain}'
        members:
          - select: 'members[*]'
            person: { id: '{id}', name: '{name}', emails: '{email}' }
            participation: '{role}'
`;

export async function benchFeedtoolBuild(): Promise<void> {
  const people = numberOption('people', 100_000);
  const sources = listOption(
    'sources',
    SOURCES,
    (value): value is Source => (SOURCES as readonly string[]).includes(value),
    SOURCES.join(','),
  );
  console.log(`\n## Feed tool build: ${people.toLocaleString('en')} people`);
  const feed = generateSyntheticFeed({ people, seed: 7 });
  const dir = await mkdtemp(path.join(tmpdir(), 'constellation-feedtool-bench-'));
  const base = `ou=org,${SUFFIX}`;
  const rows: string[][] = [
    [
      'source',
      'input',
      'build',
      'peak RSS',
      'floor (same feed)',
      'build / floor',
      'people, memberships',
    ],
  ];
  try {
    const head = (id: string) =>
      `feedId: bench-${id}\norganization: { name: Bench }\ngeneratedAt: 2026-12-01T00:00:00Z\nsources:\n`;
    for (const source of sources) {
      let input: string;
      let config: string;
      let env = process.env;
      let slapd: Awaited<ReturnType<typeof startSlapd>> | undefined;
      if (source === 'csv') {
        const text = hrExport(feed);
        await writeFile(path.join(dir, 'people.csv'), text);
        input = `${(text.length / 1e6).toFixed(1)} MB CSV`;
        config = `${head(source)}  - id: hr\n    type: csv\n    path: people.csv\n${HR_CONFIG}`;
      } else if (source === 'mapping') {
        const text = registry(feed);
        await writeFile(path.join(dir, 'registry.json'), text);
        input = `${(text.length / 1e6).toFixed(1)} MB JSON`;
        config = `${head(source)}  - id: registry\n    type: mapping\n    path: registry.json\n${MAPPING_CONFIG}`;
      } else {
        const ldif = directoryLdif(feed, base);
        slapd = await startSlapd(ldif);
        input = `slapd, ${(ldif.length / 1e6).toFixed(1)} MB LDIF`;
        env = { ...process.env, BENCH_LDAP_PASSWORD: READER_PASSWORD };
        config =
          `${head(source)}  - { id: directory, type: ldap, url: "${slapd.ldapsUrl}", base: "${base}", ` +
          `bindDN: "${READER_DN}", passwordEnv: BENCH_LDAP_PASSWORD, caFile: "${slapd.caFile}", ` +
          `units: { id: "{ou}", name: "{description}" }, groups: { id: "{cn}", name: "{description}" } }\n`;
      }
      try {
        const configFile = path.join(dir, `${source}.yaml`);
        const out = path.join(dir, `${source}.feed.json`);
        await writeFile(configFile, config);
        const build = await measured(
          process.execPath,
          [BIN, 'build', '--config', configFile, '--out', out, '--compact'],
          env,
        );
        const built = JSON.parse(await readFile(out, 'utf8')) as FeedInput;
        if (built.people.length !== feed.people.length)
          throw new Error(
            `${source}: built ${built.people.length} people of ${feed.people.length}`,
          );
        // An HR export holds people and units, no communities.
        const memberships = source === 'csv' ? 0 : feed.memberships.length;
        if (built.memberships.length !== memberships)
          throw new Error(
            `${source}: built ${built.memberships.length} memberships of ${memberships}`,
          );
        // The registry names no units.
        const units = source === 'mapping' ? 0 : feed.units.length;
        if ((built.units?.length ?? 0) !== units)
          throw new Error(`${source}: built ${built.units?.length ?? 0} units of ${units}`);
        const floor = await measured(process.execPath, [
          '-e',
          `const fs = require('node:fs'); const f = ${JSON.stringify(out)};` +
            `fs.writeFileSync(f + '.copy', JSON.stringify(JSON.parse(fs.readFileSync(f, 'utf8'))));`,
        ]);
        rows.push([
          source,
          input,
          `${build.seconds.toFixed(1)} s`,
          `${build.peakMB.toFixed(0)} MB`,
          `${floor.seconds.toFixed(2)} s, ${floor.peakMB.toFixed(0)} MB`,
          ratio(build.seconds, floor.seconds),
          `${built.people.length.toLocaleString('en')}, ${built.memberships.length.toLocaleString('en')}`,
        ]);
      } finally {
        await slapd?.stop();
      }
    }
    const startup = await measured(process.execPath, [BIN, '--help']);
    printTable(rows);
    console.log(
      `The binary's start alone (--help): ${startup.seconds.toFixed(2)} s, ${startup.peakMB.toFixed(0)} MB.`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
