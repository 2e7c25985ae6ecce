// The page session: one batched MutationObserver picks up added content (and ignores our
// own insertions), SPA navigation tears everything down and annotates the new content once,
// the user's adapter choice wins over detection.
import { describe, expect, it, beforeAll } from 'vitest';
import { annotateDocument } from '../../../lib/annotate/page';
import type { ConstellationDB } from '../../../lib/db/database';
import { FIXTURE_DIR, loadPage } from '../sites/load-page';
import { isOwnNode } from '../../../lib/annotate/registry';
import type { SiteId } from '../../../lib/sites/types';
import {
  badgeOf,
  demoTestDb,
  ownHostsIn,
  personBadges,
  recordingClient,
  topicHighlights,
} from './support';

let db: ConstellationDB;
beforeAll(async () => {
  db = await demoTestDb();
});

const noUi = () => Promise.reject(new Error('no UI in unit tests'));

/** A session on the Gitea issue fixture (with the user's page-type choice, if given). */
function giteaSession(siteChoice?: SiteId | 'auto') {
  const page = loadPage(
    `${FIXTURE_DIR}/gitea-issue.html`,
    'http://git.northwind.test/platform/cluster-tools/issues/42',
  );
  const controller = new AbortController();
  const session = annotateDocument({
    document: page.document,
    client: recordingClient(db),
    loadUi: noUi,
    signal: controller.signal,
    batchMs: 20,
    ...(siteChoice ? { siteChoice } : {}),
  });
  return { page, controller, session };
}

describe('a page session', () => {
  it('annotates content added later, in one batch, and never re-annotates its own nodes', async () => {
    const page = loadPage(
      `${FIXTURE_DIR}/gitea-issue.html`,
      'http://git.northwind.test/platform/cluster-tools/issues/42',
    );
    const client = recordingClient(db);
    const controller = new AbortController();
    const session = annotateDocument({
      document: page.document,
      client,
      loadUi: noUi,
      signal: controller.signal,
      batchMs: 20,
    });
    await session.idle();
    expect(session.detection().adapter.id).toBe('gitea');
    const persons = () => personBadges(page.document).length;
    const before = persons();
    expect(before).toBeGreaterThan(5);
    const queriesBefore = client.queries.length;

    // A new comment arrives (as a live-updating issue page would add it).
    const list = page.document.querySelector('.ui.timeline')!;
    const comment = page.document.createElement('div');
    comment.className = 'timeline-item comment';
    comment.innerHTML =
      '<div class="comment-header"><a class="author" href="/kasante">kasante</a> commented</div>' +
      '<div class="render-content markup"><p>Accessibility review for the Kubernetes dashboard?</p></div>';
    list.append(comment);
    await session.idle();
    expect(badgeOf(comment, 'p-kwame-asante')).toBeDefined();
    expect(topicHighlights(comment).map((t) => t.split(':')[1])).toEqual([
      'Accessibility',
      'Kubernetes',
    ]);
    expect(client.queries.length).toBe(queriesBefore + 1);
    // Our own insertions did not trigger more work.
    await session.idle();
    expect(client.queries.length).toBe(queriesBefore + 1);
    controller.abort();
    expect(ownHostsIn(page.document)).toEqual([]);
    await page.close();
  });

  it('starts over after SPA navigation, without duplicates', async () => {
    const { page, controller, session } = giteaSession();
    await session.idle();
    const count = personBadges(page.document).length;
    // The site swaps the content and pushes a new URL (Turbo/htmx style), then swaps it back.
    const main = page.document.querySelector('.issue-content')!;
    const html = main.innerHTML;
    page.document.defaultView!.history.pushState({}, '', '/platform/cluster-tools/issues/43');
    main.innerHTML = html.replace(/Kubernetes/g, 'Kubernetes');
    await session.idle();
    await session.idle();
    expect(personBadges(page.document).length).toBe(count);
    // No badge or highlight inside another.
    expect(
      ownHostsIn(page.document).filter(({ element }) => isOwnNode(element.parentNode)),
    ).toEqual([]);
    controller.abort();
    await page.close();
  });

  it("uses the user's adapter choice for the site", async () => {
    const { page, controller, session } = giteaSession('generic');
    expect(session.detection().adapter.id).toBe('generic');
    expect(session.detection().chosenBy).toBe('user');
    controller.abort();
    await page.close();
  });

  it('annotates the page again, once, when the user chooses another page type while it is open', async () => {
    const { page, controller, session } = giteaSession();
    await session.idle();
    const asGitea = personBadges(page.document);
    expect(session.detection().adapter.id).toBe('gitea');
    expect(asGitea.length).toBeGreaterThan(5);

    session.choose('generic');
    await session.idle();
    expect(session.detection()).toMatchObject({ adapter: { id: 'generic' }, chosenBy: 'user' });
    // The generic adapter knows no Gitea author links: only the mailto: link names a person.
    expect(personBadges(page.document)).toEqual(['p-mei-lin-chen:email']);

    session.choose('generic'); // the same choice again: nothing to do
    // Content arriving just before the choice (its batch still waiting) is scanned by the new
    // run, and content arriving after it is picked up as before.
    const timeline = page.document.querySelector('.ui.timeline')!;
    const comment = (login: string) => {
      const item = page.document.createElement('div');
      item.className = 'timeline-item comment';
      item.innerHTML = `<div class="comment-header"><a class="author" href="/${login}">${login}</a> commented</div>`;
      timeline.append(item);
      return item;
    };
    const before = comment('kasante');
    await Promise.resolve(); // the observer has queued the batch
    session.choose('auto');
    await session.idle();
    expect(session.detection().adapter.id).toBe('gitea');
    expect(badgeOf(before, 'p-kwame-asante')).toBeDefined();
    const after = comment('kasante');
    await session.idle();
    expect(badgeOf(after, 'p-kwame-asante')).toBeDefined();
    before.remove();
    after.remove();
    expect(personBadges(page.document)).toEqual(asGitea);
    controller.abort();
    expect(ownHostsIn(page.document)).toEqual([]);
    await page.close();
  });
});
