import { describe, expect, it } from 'vitest';
import { feedUrlProblem, parseFeedForm } from '../../../lib/feed/feed-form';

const input = {
  url: 'https://feeds.acme.example/main.json',
  label: 'Acme',
  intervalMinutes: '60',
  publicKey: '',
};

describe('feed form', () => {
  it('accepts https and loopback http only', () => {
    expect(feedUrlProblem('https://a.example/f.json')).toBeUndefined();
    expect(feedUrlProblem('http://127.0.0.1:8787/feed.json')).toBeUndefined();
    expect(feedUrlProblem('http://localhost/feed.json')).toBeUndefined();
    expect(feedUrlProblem('http://intranet.acme/feed.json')).toMatch(/^Use https/);
    expect(feedUrlProblem('javascript:alert(1)')).toBe('Only https URLs can be feeds.');
    expect(feedUrlProblem('feeds.acme.example')).toMatch(/^Enter a full URL/);
  });

  it('returns a checked feed', () => {
    expect(
      parseFeedForm({ ...input, label: '  Acme  ', publicKey: ' MCowBQYDK2VwAyEA ' }, []),
    ).toEqual({
      ok: true,
      feed: { url: input.url, label: 'Acme', intervalMinutes: 60, publicKey: 'MCowBQYDK2VwAyEA' },
    });
  });

  it('says what is wrong with each field', () => {
    const result = parseFeedForm(
      { url: input.url, label: ' ', intervalMinutes: '2', publicKey: 'not a key!' },
      [input.url],
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        url: 'This feed is already configured.',
        label: 'Give the feed a name, such as your organisation’s.',
        intervalMinutes: 'A whole number of minutes between 5 and 10080 (a week).',
        publicKey: 'Paste the public key as PEM (-----BEGIN PUBLIC KEY-----) or base64.',
      },
    });
    // Editing a feed keeps its own URL.
    expect(parseFeedForm(input, [input.url], input.url).ok).toBe(true);
  });
});
