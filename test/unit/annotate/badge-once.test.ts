// A second run of the people annotator over the same page (another annotator on the same
// document) adds no second badge: a link's and an image's badge sits right after it, an
// element's inside it, and each is found there.
import { describe, expect, it } from 'vitest';
import { createPeopleAnnotator } from '../../../lib/annotate/people';
import type { PersonMention, PersonRole } from '../../../lib/sites/types';
import { demoPages, personBadges, recordingClient } from './support';

const pages = demoPages();

function mentionsIn(document: Document): PersonMention[] {
  const zoe = { handles: [], emails: ['zoe.okafor@northwind.example'], names: [] };
  const of = (selector: string, role: PersonRole, avatarRole?: PersonRole): PersonMention => ({
    element: document.querySelector(selector)!,
    role,
    identity: zoe,
    badge: true,
    ...(avatarRole ? { avatarRole } : {}),
  });
  return [
    of('a.author', 'author'),
    of('img.avatar', 'avatar', 'member'),
    of('img.reviewer', 'reviewer'),
    of('h3', 'member'),
  ];
}

describe('a second run over the same page', () => {
  it('adds no second badge beside a link, an image or an avatar, nor inside an element', async () => {
    const document = pages.open(
      'http://intranet.northwind.test/team',
      `<!doctype html><html><body><main>
        <p><a class="author" href="/people/zokafor">Zoë</a> wrote this.</p>
        <p><img class="avatar" alt="" src="a.png"> <img class="reviewer" alt="" src="b.png"></p>
        <h3>Zoë Okafor</h3>
      </main></body></html>`,
    );
    const run = () =>
      createPeopleAnnotator({
        document,
        client: recordingClient(pages.db()),
        signal: new AbortController().signal,
        theme: 'light',
        skip: 'code, pre',
        inserted: new Set(),
      }).annotate(mentionsIn(document));
    await run();
    const once = personBadges(document);
    expect(once).toHaveLength(4);
    await run();
    expect(personBadges(document)).toEqual(once);
  });
});
