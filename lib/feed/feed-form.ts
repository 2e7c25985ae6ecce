// Checks what a user typed into the feed form before it is saved: a well-formed https URL
// (http only for localhost/127.0.0.1, like every link the extension accepts), not already
// configured (the one URL rule of lib/model/safe-url.ts, so no user name or password), a label, an interval within bounds and, if given, a public key that parses.
import { urlProblem, type UrlProblemCode } from '../model/safe-url';
import { feedConfigSchema, type FeedConfig } from '../settings';

export interface FeedFormInput {
  url: string;
  label: string;
  intervalMinutes: string;
  publicKey: string;
}

export type FeedFormErrors = Partial<Record<keyof FeedFormInput, string>>;

export type FeedFormResult = { ok: true; feed: FeedConfig } | { ok: false; errors: FeedFormErrors };

const MESSAGES: Record<UrlProblemCode, string> = {
  'not-url': 'Enter a full URL, such as https://feeds.example.org/communities.json.',
  'no-host': 'Enter a full URL, such as https://feeds.example.org/communities.json.',
  userinfo: 'Leave the user name and password out of the URL.',
  scheme: 'Only https URLs can be feeds.',
  'plain-http': 'Use https: plain http is accepted only for localhost and 127.0.0.1.',
  local: 'Only https URLs can be feeds.',
};

/** Why a feed URL is not acceptable, or undefined when it is (the one URL rule, safe-url.ts). */
export function feedUrlProblem(url: string): string | undefined {
  // A feed may live on this computer or the intranet; what it may link to is decided later.
  const problem = urlProblem(url, 'loopback-feed');
  return problem ? MESSAGES[problem.code] : undefined;
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
