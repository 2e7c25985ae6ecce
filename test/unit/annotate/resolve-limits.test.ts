// What a page sends to be resolved stays within what the background accepts (the message
// schema in lib/messaging.ts, checked here as the background checks it): a staff directory
// with more people than one message may name, or a "name" as long as a paragraph, must not
// make the whole page's lookup fail.
import { describe, expect, it } from 'vitest';
import { startAnnotator } from '../../../lib/annotate/annotator';
import { parseMessage } from '../../../lib/messaging';
import { generic } from '../../../lib/sites/generic/adapter';
import { demoPages, personBadges, recordingClient } from './support';

const URL_ = 'http://intranet.northwind.test/staff';

const pages = demoPages();

async function badgesOn(html: string) {
  const document = pages.open(
    URL_,
    `<!doctype html><html><body><main>${html}</main></body></html>`,
  );
  const client = recordingClient(pages.db());
  const answer = client.resolve;
  let rejected = 0;
  // As the background does: an invalid request is answered with an error, which throws here.
  client.resolve = (query) => {
    const parsed = parseMessage({ type: 'annotateResolve', request: query });
    if (!parsed.ok) {
      rejected++;
      return Promise.reject(new Error(parsed.error));
    }
    return answer(query);
  };
  const annotator = startAnnotator({
    document,
    url: new URL(URL_),
    adapter: generic,
    client,
    signal: new AbortController().signal,
  });
  await annotator.idle();
  return { badges: personBadges(document), rejected, sent: client.queries };
}

const staff = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `<li><a href="mailto:colleague${i}@northwind.example">Colleague ${i}</a></li>`,
  ).join('');

describe('the keys a page sends to be resolved', () => {
  it('a directory of 1,200 people is asked in messages the background accepts', async () => {
    const { badges, rejected, sent } = await badgesOn(`<ul>${staff(600)}
      <li><a href="mailto:zoe.okafor@northwind.example">Zoë Okafor</a></li>${staff(1200).slice(staff(600).length)}
      <li><a href="mailto:jose.muller@northwind.example">José Müller</a></li></ul>`);
    expect(rejected).toBe(0);
    expect(badges).toEqual(['p-zoe-okafor:email', 'p-jose-muller:email']);
    // Every key once, over all messages.
    const emails = sent.flatMap((q) => q.emails);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails).toContain('zoe.okafor@northwind.example');
  });

  it('a "name" longer than any name is not sent, and the rest is resolved', async () => {
    const long = `Minutes of the ${'very '.repeat(100)}long meeting`;
    const { badges, rejected, sent } = await badgesOn(`<ul>
      <li><a href="mailto:minutes@northwind.example">${long}</a></li>
      <li><a href="mailto:zoe.okafor@northwind.example">Zoë Okafor</a></li></ul>`);
    expect(rejected).toBe(0);
    expect(badges).toEqual(['p-zoe-okafor:email']);
    expect(sent.flatMap((q) => q.names).every((key) => key.length <= 400)).toBe(true);
  });
});
