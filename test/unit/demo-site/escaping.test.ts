// Feed text is untrusted: hostile names, titles and labels render as text on every page kind,
// and the markup builder escapes whatever it interpolates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, markup, raw } from '../../../scripts/demo-site/html';
import { startDemoSite, type DemoSiteServer } from '../../../scripts/demo-site/server';
import { fixtureFeed, writeFeedFile } from './feed-fixture';
import { get, parse, textOf } from './http';

describe('markup', () => {
  it('escapes interpolated text, keeps nested markup, flattens lists', () => {
    const name = `<b onclick="x">'Tom' & Jerry</b>`;
    expect(markup`<p title="${name}">${name}</p>`.markup).toBe(
      '<p title="&lt;b onclick=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Jerry&lt;/b&gt;">' +
        '&lt;b onclick=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Jerry&lt;/b&gt;</p>',
    );
    expect(markup`<ul>${['<a>', markup`<li>${'&'}</li>`]}</ul>`.markup).toBe(
      '<ul>&lt;a&gt;<li>&amp;</li></ul>',
    );
    expect(markup`${null}${undefined}${false}${0}`.markup).toBe('0');
    expect(join(['a<', raw('<br>')], ', ').markup).toBe('a&lt;, <br>');
  });
});

describe('a hostile feed', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const IMG = '<img src=x onerror=alert(2)>';
  let site: DemoSiteServer;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const feed = fixtureFeed();
    feed.organization.name = `Evil ${SCRIPT} Org`;
    const ada = feed.people[0]!;
    ada.name = `Ada ${SCRIPT}`;
    ada.title = `Boss ${IMG}`;
    ada.handles = { 'wiki.northwind.test': 'Ada"Q<x>', 'git.northwind.test': 'ada"q' };
    feed.units[0]!.name = `Platform ${IMG}`;
    feed.topics[0]!.label = `Kube ${SCRIPT}`;
    feed.topics[0]!.aliases = [`k8s ${IMG}`];
    feed.communities[1]!.name = `Guild ${SCRIPT}`;
    feed.communities[1]!.domain = `Domain ${IMG} & more`;
    const file = await writeFeedFile(feed);
    remove = file.remove;
    site = await startDemoSite({ port: 0, feedPath: file.path });
  });

  afterAll(async () => {
    await site.close();
    await remove();
  });

  it('renders it as text on every page', async () => {
    const pages = await site.pages();
    const kinds = new Set(pages.map((p) => p.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    const targets = [{ host: '127.0.0.1', path: '/' }, ...pages];
    for (const { host, path } of targets) {
      const reply = await get(site.port, host, path);
      expect(reply.status, `${host}${path}`).toBe(200);
      expect(reply.body).not.toContain(SCRIPT);
      expect(reply.body).not.toContain(IMG);
      const doc = parse(reply.body);
      // The pages have no scripts or images of their own; any here would come from the feed.
      expect(doc.querySelectorAll('script, img').length, `${host}${path}`).toBe(0);
    }
  });

  it('shows the hostile text literally where it belongs', async () => {
    const team = parse((await get(site.port, 'intranet.northwind.test', '/teams/u-platform')).body);
    expect(textOf(team.querySelector('h1'))).toBe(`Platform ${IMG}`);
    expect(textOf(team.querySelector('tr.person .name'))).toBe(`Ada ${SCRIPT}`);
    expect(team.title).toContain(`Evil ${SCRIPT} Org`);

    const article = parse(
      (
        await get(
          site.port,
          'wiki.northwind.test',
          `/wiki/${encodeURIComponent(`Guild_${SCRIPT}`)}`,
        )
      ).body,
    );
    expect(textOf(article.querySelector('#firstHeading'))).toBe(`Guild ${SCRIPT}`);
    expect(textOf(article.querySelector('.mw-parser-output'))).toContain(`Domain ${IMG} & more`);
    expect(textOf(article.querySelector('pre'))).toContain(`Kube ${SCRIPT}`);
  });
});
