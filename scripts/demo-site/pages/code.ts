// git.northwind.test: an explore page, for each featured community a repository with a pull
// request and an issue (code-threads.ts), and a profile page per person with a code-host login.
import type { Person } from '../../../lib/model/feed';
import { loginOn, type DemoCast } from '../cast';
import { markup, type Html } from '../html';
import { DEMO_HOSTS } from '../hosts';
import type { DemoPage } from '../page';
import { avatar, codeLayout, userPath } from './code-skin';
import { issue, issueTitle, pullRequest, pullTitle, repositoryOf } from './code-threads';

const HOST = DEMO_HOSTS.code;

function profile(cast: DemoCast, person: Person, who: string): Html {
  const repositories = cast.featured
    .map((featured, index) => ({ featured, repository: repositoryOf(featured, index) }))
    .filter(({ featured }) => featured.codeMembers.some((m) => m.person.id === person.id));
  return markup`<div class="ui container">
    <div class="ui stackable grid" style="display:flex;gap:24px;margin-top:24px">
      <div class="ui card">
        <div id="profile-avatar" class="content">${avatar(who)}</div>
        <div class="content profile-avatar-name">
          <span class="header text center">${person.name}</span><br /><span
            class="username text center"
            >${who}</span
          >
        </div>
        <div class="extra content">
          <ul class="user-info">
            ${person.emails[0] ? markup`<li><a class="email" href="mailto:${person.emails[0]}">${person.emails[0]}</a></li>` : ''}${person.company ? markup`<li>${person.company}</li>` : ''}${person.title ? markup`<li>${person.title}</li>` : ''}
          </ul>
        </div>
      </div>
      <div class="ui twelve wide column">
        <h3>Repositories</h3>
        <div class="flex-list">
          ${repositories.map(
            ({ featured, repository }) =>
              markup`<div class="flex-item">
                <a href="${repository.path}/pulls/${repository.pull}"
                  >${repository.org}/${repository.repo}</a
                >
                — ${featured.community.name}
              </div>`,
          )}
        </div>
      </div>
    </div>
  </div>`;
}

export function codePages(cast: DemoCast): DemoPage[] {
  const { feed } = cast;
  const repositories = cast.featured.map((featured, index) => ({
    featured,
    repository: repositoryOf(featured, index),
  }));
  const pages: DemoPage[] = [
    {
      kind: 'code-home',
      host: HOST,
      path: '/',
      title: 'Explore',
      render: () =>
        codeLayout({
          feed,
          title: 'Explore',
          pageClass: 'explore repositories',
          content: markup`<div class="ui container">
            <h2>Repositories</h2>
            <ul>
              ${repositories.map(
                ({ featured, repository }) =>
                  markup`<li>
                    <a href="${repository.path}/pulls/${repository.pull}"
                      >${repository.org}/${repository.repo}</a
                    >
                    — ${featured.community.name}
                  </li>`,
              )}
            </ul>
          </div>`,
        }),
    },
  ];
  repositories.forEach(({ featured, repository }, index) => {
    if (featured.codeMembers.length === 0) return;
    const name = `${repository.org}/${repository.repo}`;
    // Gitea's document titles: "<title> · Pull Request #17 · org/repo".
    const pullPage = `${pullTitle(featured)} · Pull Request #${repository.pull} · ${name}`;
    const issuePage = `${issueTitle(featured)} · Issue #${repository.issue} · ${name}`;
    pages.push(
      {
        kind: 'code-pull',
        host: HOST,
        path: `${repository.path}/pulls/${repository.pull}`,
        title: pullPage,
        featured: index === 0,
        render: () =>
          codeLayout({
            feed,
            title: pullPage,
            pageClass: 'repository view issue pull',
            content: pullRequest(cast, featured, repository),
          }),
      },
      {
        kind: 'code-issue',
        host: HOST,
        path: `${repository.path}/issues/${repository.issue}`,
        title: issuePage,
        render: () =>
          codeLayout({
            feed,
            title: issuePage,
            pageClass: 'repository view issue',
            content: issue(cast, featured, repository),
          }),
      },
    );
  });
  for (const person of feed.people) {
    const who = loginOn(person, HOST);
    if (!who) continue;
    pages.push({
      kind: 'code-user',
      host: HOST,
      path: userPath(who),
      title: `${person.name} (${who})`,
      render: () =>
        codeLayout({
          feed,
          title: `${person.name} (${who})`,
          pageClass: 'user profile',
          content: profile(cast, person, who),
        }),
    });
  }
  return pages;
}
