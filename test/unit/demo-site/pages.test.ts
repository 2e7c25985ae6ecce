// Each kind of demo page, served by a real server on 127.0.0.1 from the fixture feed, shows
// the people and topics the fixture says it should, in the markup the site imitates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSiteServer } from '../../../scripts/demo-site/server';
import { fixtureFeed, writeFeedFile } from './feed-fixture';
import { get, parse, textOf } from './http';

const WIKI = 'wiki.northwind.test';
const CODE = 'git.northwind.test';
const INTRANET = 'intranet.northwind.test';

let site: DemoSiteServer;
let feedFile: Awaited<ReturnType<typeof writeFeedFile>>;

beforeAll(async () => {
  feedFile = await writeFeedFile(fixtureFeed());
  site = await startDemoSite({ port: 0, feedPath: feedFile.path });
});

afterAll(async () => {
  await site.close();
  await feedFile.remove();
});

async function page(host: string, path: string): Promise<Document> {
  const reply = await get(site.port, host, path);
  expect(reply.status, `${host}${path}`).toBe(200);
  expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
  return parse(reply.body);
}

const hrefs = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((a) => a.getAttribute('href'));

describe('index at 127.0.0.1', () => {
  it('links every demo page, and the feed', async () => {
    const doc = await page('127.0.0.1', '/');
    const links = new Set(hrefs(doc, 'a'));
    const pages = await site.pages();
    expect(pages.length).toBeGreaterThan(20);
    for (const p of pages) expect(links).toContain(`http://${p.host}${p.path}`);
    expect(links).toContain('http://feeds.northwind.test/demo-feed.json');
    expect(links).toContain(`${site.origin}/demo-feed.json`);
    expect(doc.title).toBe('Constellation demo — Fixture Cooperative');
  });
});

describe('intranet', () => {
  it('home: a news item naming the public communities and their topics by label and alias', async () => {
    const doc = await page(INTRANET, '/');
    const news = textOf(doc.querySelector('.news-item'));
    for (const words of ['Platform Guild', 'Data Practice', 'Kubernetes', 'o11y', 'Postgres']) {
      expect(news).toContain(words);
    }
    // A members-only community and its topic stay off public pages.
    expect(textOf(doc)).not.toContain('Secret Circle');
    expect(textOf(doc)).not.toContain('Vault');
    expect(hrefs(doc, '.team-list a')).toEqual([
      '/teams/u-platform',
      '/teams/u-data',
      '/teams/u-partner',
    ]);
  });

  it('team page: people with titles, mailto: links and wiki user pages', async () => {
    const doc = await page(INTRANET, '/teams/u-platform');
    expect(textOf(doc.querySelector('h1'))).toBe('Platform Engineering');
    const rows = [...doc.querySelectorAll('tr.person')].map((row) => ({
      name: textOf(row.querySelector('.name')),
      title: textOf(row.querySelector('.title')),
      mail: row.querySelector('.email a')?.getAttribute('href'),
      wiki: row.querySelector('.wiki a')?.getAttribute('href'),
    }));
    expect(rows).toEqual([
      {
        name: 'Ada Quill',
        title: 'Staff Engineer',
        mail: 'mailto:adaq@fixture.example',
        wiki: 'http://wiki.northwind.test/wiki/User:AdaQ',
      },
      {
        name: 'Bram Osei',
        title: 'Site Reliability Engineer',
        mail: 'mailto:bramo@fixture.example',
        wiki: 'http://wiki.northwind.test/wiki/User:BramO',
      },
      {
        name: 'Fay Lindqvist',
        title: 'Engineering Manager',
        mail: 'mailto:fayl@fixture.example',
        wiki: 'http://wiki.northwind.test/wiki/User:FayL',
      },
    ]);
  });

  it('a staff profile for a person with an intranet login, linked from the team page', async () => {
    const team = await page(INTRANET, '/teams/u-platform');
    expect(hrefs(team, 'tr.person .name a')).toEqual(['/people/aquill']);
    const doc = await page(INTRANET, '/people/aquill');
    expect(textOf(doc.querySelector('.profile-name'))).toBe('Ada Quill');
    expect(textOf(doc.querySelector('.profile-login'))).toBe('aquill');
    expect(textOf(doc.querySelector('.profile'))).toContain('Europe/Berlin');
    expect((await get(site.port, INTRANET, '/people/bramo')).status).toBe(404);
  });

  it('a unit without people has no page', async () => {
    expect((await get(site.port, INTRANET, '/teams/u-empty')).status).toBe(404);
  });
});

describe('wiki', () => {
  it('article: MediaWiki structure, topics in prose, contacts, and a code block', async () => {
    const doc = await page(WIKI, '/wiki/Platform_Guild');
    expect(doc.title).toBe('Platform Guild - Fixture Cooperative Wiki');
    expect(textOf(doc.querySelector('#firstHeading'))).toBe('Platform Guild');
    const body = doc.querySelector('#mw-content-text .mw-parser-output');
    expect(textOf(body)).toContain('Keeping production boring.');
    expect(textOf(body)).toContain('Kubernetes (also written k8s) and Observability');
    expect(hrefs(doc, '#mw-content-text a[href^="/wiki/User:"]')).toEqual(
      expect.arrayContaining(['/wiki/User:AdaQ', '/wiki/User:BramO', '/wiki/User:EliM']),
    );
    const code = textOf(body?.querySelector('pre')) + textOf(body?.querySelector('p code'));
    expect(code).toContain('Kubernetes');
    expect(code).toContain('o11y');
    expect(code).toContain('AdaQ');
  });

  it('history: several editors as a.mw-userlink', async () => {
    const doc = await page(WIKI, '/w/index.php?title=Platform_Guild&action=history');
    expect(doc.title).toBe('Platform Guild: Revision history - Fixture Cooperative Wiki');
    const editors = hrefs(doc, '#pagehistory a.mw-userlink');
    // Core first, then active, then peripheral; the newest editor edited twice.
    expect(editors).toEqual([
      '/wiki/User:AdaQ',
      '/wiki/User:BramO',
      '/wiki/User:EliM',
      '/wiki/User:FayL',
      '/wiki/User:AdaQ',
    ]);
  });

  it('talk page: signatures rendered as MediaWiki renders [[User:X|X]] ([[User talk:X|talk]])', async () => {
    const reply = await get(site.port, WIKI, '/wiki/Talk:Platform_Guild');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(
      /<a href="\/wiki\/User:AdaQ" title="User:AdaQ">AdaQ<\/a> \(<a href="\/wiki\/User_talk:AdaQ" title="User talk:AdaQ">talk<\/a>\) \d\d:\d\d, \d{1,2} [A-Z][a-z]+ 2026 \(UTC\)/,
    );
  });

  it('user page, under any spelling MediaWiki accepts', async () => {
    for (const path of ['/wiki/User:AdaQ', '/wiki/User%3AAdaQ', '/w/index.php?title=User:AdaQ']) {
      const doc = await page(WIKI, path);
      expect(textOf(doc.querySelector('#firstHeading'))).toBe('User:AdaQ');
      expect(textOf(doc.querySelector('.mw-parser-output'))).toContain(
        'Ada Quill, Staff Engineer in Platform Engineering',
      );
    }
  });

  it('the root redirects to the main page', async () => {
    const reply = await get(site.port, WIKI, '/');
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/wiki/Main_Page');
  });
});

describe('code host', () => {
  it('pull request: author, reviewers, @mentions and a diff of code', async () => {
    const doc = await page(CODE, '/platform-guild/kubernetes/pulls/17');
    expect(doc.title).toBe(
      'Add the Kubernetes review checklist · Pull Request #17 · platform-guild/kubernetes - Fixture Cooperative Git',
    );
    expect(doc.querySelector('.issue-title-meta a.author')?.getAttribute('href')).toBe('/adaq');
    expect(hrefs(doc, '.issue-content-right a')).toEqual(['/bramo', '/elim', '/fayl']);
    const mentions = [...doc.querySelectorAll('.render-content a.mention')].map(textOf);
    expect(mentions).toEqual(expect.arrayContaining(['@bramo', '@adaq', '@elim']));
    const code = [...doc.querySelectorAll('.diff-file-box table.chroma td.lines-code code')].map(
      textOf,
    );
    expect(code).toContain('# Kubernetes checklist');
    expect(code).toContain('Owner: @adaq');
    expect(code.join('\n')).toContain('o11y');
  });

  it('issue: author, assignee and a mention', async () => {
    const doc = await page(CODE, '/platform-guild/kubernetes/issues/5');
    expect(textOf(doc.querySelector('#issue-title'))).toBe('Newcomer guide for Kubernetes');
    expect(doc.querySelector('.issue-title-meta a.author')?.getAttribute('href')).toBe('/fayl');
    expect(hrefs(doc, '.issue-content-right a')).toEqual(['/adaq']);
    expect([...doc.querySelectorAll('a.mention')].map(textOf)).toEqual(['@fayl']);
  });

  it('user profile', async () => {
    const doc = await page(CODE, '/elim');
    expect(textOf(doc.querySelector('.profile-avatar-name .header'))).toBe('Eli Moreau');
    expect(textOf(doc.querySelector('.profile-avatar-name .username'))).toBe('elim');
    expect(textOf(doc.querySelector('.user-info'))).toContain('Partner Co');
    expect(hrefs(doc, '.flex-list a')).toEqual(['/platform-guild/kubernetes/pulls/17']);
  });
});
