// A small feed for the demo-site tests (and the launcher e2e test): invented people on the
// demo hosts, three communities (two public), topics with aliases, a partner company.
// Tests derive expectations from this object, never from public/demo-feed.json.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedInput } from '../../../lib/model/feed';

const WIKI = 'wiki.northwind.test';
const CODE = 'git.northwind.test';

function person(
  id: string,
  name: string,
  unit: string,
  title: string,
  login: string,
  company?: string,
): FeedInput['people'][number] {
  const domain = company ? 'partner.example' : 'fixture.example';
  return {
    id,
    name,
    unit,
    title,
    ...(company ? { company } : {}),
    emails: [`${login.toLowerCase()}@${domain}`],
    handles: {
      [WIKI]: login,
      [CODE]: login.toLowerCase(),
      'github.com': `${login.toLowerCase()}-gh`,
    },
  };
}

export function fixtureFeed(): FeedInput {
  return {
    format: 'constellation-feed',
    version: 1,
    feedId: 'fixture',
    generatedAt: '2026-11-20T10:00:00Z',
    organization: { name: 'Fixture Cooperative' },
    units: [
      { id: 'u-platform', name: 'Platform Engineering' },
      { id: 'u-data', name: 'Data Science', parent: 'u-platform' },
      { id: 'u-partner', name: 'Partner Analytics', company: 'Partner Co' },
      { id: 'u-empty', name: 'Nobody Here' },
    ],
    people: [
      {
        ...person('p-ada', 'Ada Quill', 'u-platform', 'Staff Engineer', 'AdaQ'),
        handles: {
          [WIKI]: 'AdaQ',
          [CODE]: 'adaq',
          'intranet.northwind.test': 'aquill',
          'github.com': 'adaq-gh',
        },
        timezone: 'Europe/Berlin',
      },
      person('p-bram', 'Bram Osei', 'u-platform', 'Site Reliability Engineer', 'BramO'),
      person('p-cleo', 'Cleo Varga', 'u-data', 'Data Scientist', 'CleoV'),
      person('p-dev', 'Dev Anand', 'u-data', 'Analytics Engineer', 'DevA'),
      person('p-eli', 'Eli Moreau', 'u-partner', 'Consultant', 'EliM', 'Partner Co'),
      person('p-fay', 'Fay Lindqvist', 'u-platform', 'Engineering Manager', 'FayL'),
      { id: 'p-gus', name: 'Gus Nohandle', unit: 'u-data', emails: ['gus@fixture.example'] },
    ],
    topics: [
      {
        id: 't-k8s',
        label: 'Kubernetes',
        aliases: ['k8s'],
        description: 'Container orchestration.',
      },
      { id: 't-obs', label: 'Observability', aliases: ['o11y'] },
      { id: 't-pg', label: 'PostgreSQL', aliases: ['Postgres'] },
      { id: 't-ml', label: 'Machine learning', aliases: ['ML'] },
      { id: 't-secret', label: 'Vault', aliases: [] },
    ],
    communities: [
      {
        id: 'c-secret',
        name: 'Secret Circle',
        domain: 'Not for the demo pages.',
        topics: ['t-secret'],
        stage: 'active',
        standing: 'bootlegged',
        openToNewcomers: false,
        visibility: 'members',
      },
      {
        id: 'c-platform',
        name: 'Platform Guild',
        domain: 'Keeping production boring.',
        topics: ['t-k8s', 't-obs'],
        stage: 'active',
        standing: 'legitimized',
        openToNewcomers: true,
        channels: [
          { kind: 'chat', label: '#platform', url: 'https://chat.fixture.example/platform' },
        ],
        related: ['c-data'],
      },
      {
        id: 'c-data',
        name: 'Data Practice',
        domain: 'Sharing how we model data.',
        topics: ['t-pg', 't-ml'],
        stage: 'coalescing',
        standing: 'unrecognized',
        openToNewcomers: true,
      },
    ],
    memberships: [
      { person: 'p-ada', community: 'c-secret', participation: 'core' },
      { person: 'p-bram', community: 'c-secret', participation: 'core' },
      { person: 'p-fay', community: 'c-platform', participation: 'peripheral' },
      { person: 'p-bram', community: 'c-platform', participation: 'active' },
      { person: 'p-ada', community: 'c-platform', participation: 'core', roles: ['day-to-day'] },
      { person: 'p-eli', community: 'c-platform', participation: 'active', roles: ['boundary'] },
      { person: 'p-cleo', community: 'c-data', participation: 'core' },
      { person: 'p-dev', community: 'c-data', participation: 'active' },
      { person: 'p-gus', community: 'c-data', participation: 'peripheral' },
    ],
    expertise: [],
  };
}

/** Writes a feed to a fresh temp dir; `remove()` deletes the dir. */
export async function writeFeedFile(
  feed: FeedInput | string,
): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-feed-'));
  const path = join(dir, 'demo-feed.json');
  await writeFile(path, typeof feed === 'string' ? feed : JSON.stringify(feed, null, 2));
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
