// The launcher's two network rules as pure functions: the host resolver rules Chromium gets,
// and which request URLs the context-route guard lets through. The real-browser behaviour
// is covered in test/e2e/launcher.e2e.test.ts.
import { describe, expect, it } from 'vitest';
import { hostResolverRules, isAllowedUrl } from '../../../scripts/chromium';

const hostMap = [{ pattern: '*.northwind.test', port: 8790 }];

describe('hostResolverRules', () => {
  it('maps each pattern to 127.0.0.1 with its port, then denies every other name', () => {
    expect(hostResolverRules(hostMap)).toBe(
      'MAP *.northwind.test 127.0.0.1:8790, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    );
  });

  it('still denies everything but loopback without a host map', () => {
    expect(hostResolverRules()).toBe('MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1');
  });
});

describe('isAllowedUrl', () => {
  it.each([
    'http://127.0.0.1:8790/demo-feed.json',
    'http://localhost:3000/',
    'http://wiki.northwind.test/wiki/X',
    'https://GIT.northwind.test/a/b/pulls/1',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
    'data:text/plain,hi',
  ])('lets %s through', (url) => {
    expect(isAllowedUrl(new URL(url), hostMap)).toBe(true);
  });

  it.each([
    'http://example.com/',
    'https://github.com/',
    'http://northwind.test.evil.example/',
    'http://evilnorthwind.test/',
    'http://10.0.0.1/',
    'http://127.0.0.2/',
    'wss://example.com/socket',
  ])('blocks %s', (url) => {
    expect(isAllowedUrl(new URL(url), hostMap)).toBe(false);
  });

  it('blocks the demo hosts when they are not mapped', () => {
    expect(isAllowedUrl(new URL('http://wiki.northwind.test/'))).toBe(false);
  });
});
