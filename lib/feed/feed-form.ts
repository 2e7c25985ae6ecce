// Checks what a user typed into the feed form before it is saved: a well-formed https URL
// (http only for localhost/127.0.0.1, like every link the extension accepts), not already
// configured, a label, an interval within bounds and, if given, a public key that parses.
import { feedConfigSchema, type FeedConfig } from '../settings';

export interface FeedFormInput {
  url: string;
  label: string;
  intervalMinutes: string;
  publicKey: string;
}

export type FeedFormErrors = Partial<Record<keyof FeedFormInput, string>>;

export type FeedFormResult = { ok: true; feed: FeedConfig } | { ok: false; errors: FeedFormErrors };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a feed URL is not acceptable, or undefined when it is. */
export function feedUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a full URL, such as https://feeds.example.org/communities.json.';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return undefined;
  if (parsed.protocol === 'http:')
    return 'Use https: plain http is accepted only for localhost and 127.0.0.1.';
  return 'Only https URLs can be feeds.';
}

export function parseFeedForm(
  input: FeedFormInput,
  configuredUrls: readonly string[],
  editingUrl?: string,
): FeedFormResult {
  const errors: FeedFormErrors = {};
  const url = input.url.trim();
  const urlProblem = feedUrlProblem(url);
  if (urlProblem) errors.url = urlProblem;
  else if (url !== editingUrl && configuredUrls.includes(new URL(url).href))
    errors.url = 'This feed is already configured.';
  const label = input.label.trim();
  if (!label) errors.label = 'Give the feed a name, such as your organisation’s.';
  else if (label.length > 100) errors.label = 'At most 100 characters.';
  const interval = Number(input.intervalMinutes);
  if (!Number.isInteger(interval) || interval < 5 || interval > 7 * 24 * 60)
    errors.intervalMinutes = 'A whole number of minutes between 5 and 10080 (a week).';
  const publicKey = input.publicKey.trim();
  if (
    publicKey &&
    !/^[A-Za-z0-9+/=\s_-]+$/.test(publicKey.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, ''))
  )
    errors.publicKey = 'Paste the public key as PEM (-----BEGIN PUBLIC KEY-----) or base64.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = feedConfigSchema.safeParse({
    url: new URL(url).href,
    label,
    intervalMinutes: interval,
    ...(publicKey ? { publicKey } : {}),
  });
  if (!parsed.success) return { ok: false, errors: { url: parsed.error.issues[0]!.message } };
  return { ok: true, feed: parsed.data };
}
