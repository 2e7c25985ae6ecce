import { describe, expect, it } from 'vitest';
import { feedUrlProblem } from '../../../lib/feed/feed-form';
import { safeHref } from '../../../lib/links';
import { isSafeUrl, originOfFeed, urlProblem } from '../../../lib/model/safe-url';

describe('the one URL rule', () => {
  it('refuses schemes other than https (http only on loopback)', () => {
    expect(urlProblem('javascript:alert(1)', 'loopback-feed')?.code).toBe('scheme');
    expect(urlProblem('data:text/html,x', 'loopback-feed')?.code).toBe('scheme');
    expect(urlProblem('http://wiki.example.org/', 'loopback-feed')?.code).toBe('plain-http');
    expect(urlProblem('http://localhost:8080/x', 'loopback-feed')).toBeNull();
    expect(urlProblem('https://wiki.example.org/x', 'remote-feed')).toBeNull();
  });

  it('refuses user names and passwords in URLs, whatever the feed', () => {
    expect(urlProblem('https://user:pw@wiki.example.org/', 'loopback-feed')?.code).toBe('userinfo');
    expect(urlProblem('https://user@wiki.example.org/', 'remote-feed')?.code).toBe('userinfo');
    expect(feedUrlProblem('https://user:pw@feeds.example.org/f.json')).toMatch(/user name/);
  });

  it('refuses loopback and private hosts unless the feed itself is local', () => {
    for (const url of [
      'https://localhost/x',
      'https://app.localhost/x',
      'https://127.1.2.3/x',
      'https://10.0.0.8/x',
      'https://172.20.1.1/x',
      'https://192.168.1.1/router',
      'https://169.254.169.254/latest',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'http://localhost:3000/x',
    ]) {
      expect(urlProblem(url, 'remote-feed')?.code, url).toBe('local');
      expect(safeHref(url), url).toBeUndefined();
    }
    expect(isSafeUrl('https://192.168.1.1/router', 'loopback-feed')).toBe(true);
    expect(isSafeUrl('https://172.32.0.1/x', 'remote-feed')).toBe(true);
  });

  it('classifies a feed by where it is served from', () => {
    expect(originOfFeed('http://127.0.0.1:8123/feed.json')).toBe('loopback-feed');
    expect(originOfFeed('https://feeds.example.org/feed.json')).toBe('remote-feed');
    expect(originOfFeed(undefined)).toBe('loopback-feed');
  });
});
