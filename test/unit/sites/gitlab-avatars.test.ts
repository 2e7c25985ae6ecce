// GitLab's avatar-only links (issue 14). The markup below is written from knowledge of
// GitLab's merge request page (notes with an avatar beside the author link, the sidebar's
// participants list of avatar-only links, a collapsed reviewer avatar), not saved from a
// real page; the saved GitLab merge request in the corpus has no avatar-only link.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { gitlab } from '../../../lib/sites/gitlab/adapter';

const PAGE = `<!doctype html><html><body data-page="projects:merge_requests:show">
<div class="merge-request-details">
  <ul class="notes main-notes-list timeline">
    <li class="note timeline-entry" id="note_1">
      <div class="timeline-avatar">
        <a class="js-user-link" href="/jdoe" data-user-id="11" data-username="jdoe"><img class="avatar s40" alt="Jane Doe's avatar" src="a.png"></a>
      </div>
      <div class="timeline-content"><div class="note-header"><div class="note-header-info">
        <a class="js-user-link" href="/jdoe" data-user-id="11" data-username="jdoe"><span class="note-header-author-name">Jane Doe</span> <span class="note-headline-light">@jdoe</span></a>
      </div></div><div class="note-body"><div class="note-text md"><p>Looks good.</p></div></div></div>
    </li>
  </ul>
</div>
<aside class="right-sidebar">
  <div class="block reviewer"><a class="author-link js-user-link" href="/rroe" data-user-id="12" data-username="rroe"><img class="avatar s24" alt="Richard Roe" src="b.png"></a></div>
  <div class="block participants"><div class="participants-list">
    <div class="participants-author"><a class="author-link js-user-link" href="/jdoe" data-user-id="11" data-username="jdoe"><img class="avatar s24" alt="Jane Doe" src="a.png"></a></div>
    <div class="participants-author"><a class="author-link js-user-link" href="/asmith" data-user-id="13" data-username="asmith"><img class="avatar s24" alt="Ann Smith" src="c.png"></a></div>
  </div></div>
</aside>
</body></html>`;

describe('GitLab avatar-only links', () => {
  it('badges lone avatars with their role, not a note avatar beside its author link', async () => {
    const window = new Window({ url: 'https://gitlab.example.com/group/app/-/merge_requests/7' });
    window.document.write(PAGE);
    const document = window.document as unknown as Document;
    const found = gitlab
      .people(document, new URL(window.location.href))
      .map((m) => `${m.identity.handles[0]!.login}:${m.role}:${m.badge ? 'badge' : 'none'}`);
    expect(found).toEqual([
      'jdoe:avatar:none', // the note's avatar: Jane is named right beside it
      'jdoe:commenter:badge',
      'rroe:reviewer:badge',
      'jdoe:participant:badge',
      'asmith:participant:badge',
    ]);
    await window.happyDOM.close();
  });
});
