// The demo server as an HTTP server: the feed with real validators (ETag, Last-Modified, 304),
// routing by Host, a missing or broken feed, and a clean close even with open connections.
import { Agent } from 'node:http';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSiteServer } from '../../../scripts/demo-site/server';
import { fixtureFeed, writeFeedFile } from './feed-fixture';
import { get } from './http';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(feed: Parameters<typeof writeFeedFile>[0] = fixtureFeed()) {
  const file = await writeFeedFile(feed);
  cleanups.push(file.remove);
  const site = await startDemoSite({ port: 0, feedPath: file.path });
  cleanups.push(site.close);
  return { site, file };
}

describe('the feed', () => {
  it('is served byte for byte on the feeds host and on 127.0.0.1, with validators', async () => {
    const { site, file } = await serve();
    const bytes = await readFile(file.path, 'utf8');
    for (const host of ['feeds.northwind.test', `127.0.0.1:${site.port}`]) {
      const reply = await get(site.port, host, '/demo-feed.json');
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(bytes);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(reply.headers.etag).toMatch(/^"[\w-]{27}"$/);
      expect(new Date(reply.headers['last-modified'] ?? '').getTime()).not.toBeNaN();
      expect(reply.headers['cache-control']).toBe('no-cache');
      expect(reply.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, 200 once it changes', async () => {
    const { site, file } = await serve();
    const first = await get(site.port, 'feeds.northwind.test', '/demo-feed.json');
    const etag = first.headers.etag ?? '';
    const lastModified = first.headers['last-modified'] ?? '';

    const byTag = await get(site.port, 'feeds.northwind.test', '/demo-feed.json', {
      'If-None-Match': `W/"other", ${etag}`,
    });
    expect(byTag.status).toBe(304);
    expect(byTag.body).toBe('');
    expect(byTag.headers.etag).toBe(etag);

    const byDate = await get(site.port, 'feeds.northwind.test', '/demo-feed.json', {
      'If-Modified-Since': lastModified,
    });
    expect(byDate.status).toBe(304);

    const changed = fixtureFeed();
    changed.organization.name = 'Renamed Cooperative';
    await writeFile(file.path, JSON.stringify(changed));
    const later = new Date(Date.parse(lastModified) + 60_000);
    await utimes(file.path, later, later);
    const fresh = await get(site.port, 'feeds.northwind.test', '/demo-feed.json', {
      'If-None-Match': etag,
    });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
    expect(JSON.parse(fresh.body)).toMatchObject({ organization: { name: 'Renamed Cooperative' } });
    // Pages follow the edited file without a restart.
    const index = await get(site.port, '127.0.0.1', '/');
    expect(index.body).toContain('Renamed Cooperative');
  });
});

describe('routing', () => {
  it('answers 404 for an unknown host and for an unknown page on a demo host', async () => {
    const { site } = await serve();
    const unknownHost = await get(site.port, 'example.com', '/');
    expect(unknownHost.status).toBe(404);
    expect(unknownHost.body).toContain('unknown host example.com');
    expect((await get(site.port, 'wiki.northwind.test', '/wiki/No_such_page')).status).toBe(404);
    expect((await get(site.port, 'git.northwind.test', '/nobody/nothing/pulls/1')).status).toBe(
      404,
    );
    expect((await get(site.port, 'feeds.northwind.test', '/other.json')).status).toBe(404);
  });

  it('ignores a port in the Host header', async () => {
    const { site } = await serve();
    const reply = await get(site.port, `wiki.northwind.test:${site.port}`, '/wiki/Main_Page');
    expect(reply.status).toBe(200);
  });

  it('explains an invalid feed on every page, yet still serves the feed bytes', async () => {
    const { site } = await serve('<html>Sign in</html>');
    const pageReply = await get(site.port, 'wiki.northwind.test', '/wiki/Main_Page');
    expect(pageReply.status).toBe(503);
    expect(pageReply.body).toContain('not a valid feed');
    expect(pageReply.body).toContain('HTML or XML page');
    const feedReply = await get(site.port, 'feeds.northwind.test', '/demo-feed.json');
    expect(feedReply.status).toBe(200);
    expect(feedReply.body).toBe('<html>Sign in</html>');
    expect(await site.pages()).toEqual([]);
  });
});

describe('closing', () => {
  it('closes promptly with a keep-alive connection open, and then refuses connections', async () => {
    const file = await writeFeedFile(fixtureFeed());
    cleanups.push(file.remove);
    const site: DemoSiteServer = await startDemoSite({ port: 0, feedPath: file.path });
    const agent = new Agent({ keepAlive: true });
    cleanups.push(async () => agent.destroy());
    expect((await get(site.port, '127.0.0.1', '/', {}, agent)).status).toBe(200);
    await site.close();
    await expect(get(site.port, '127.0.0.1', '/')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('fails to start on a port that is taken, so a caller can pick another', async () => {
    const { site } = await serve();
    const file = await writeFeedFile(fixtureFeed());
    cleanups.push(file.remove);
    await expect(startDemoSite({ port: site.port, feedPath: file.path })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
