// intranet.northwind.test: a home page with a news item that names topics by label and by
// alias in running prose, and a team page per unit listing its people with titles, mailto:
// links and links to their wiki user pages (a typical staff directory).
import type { Feed, Person, Topic } from '../../../lib/model/feed';
import { feedDate, loginOn, type DemoCast } from '../cast';
import { markup, raw, type Html } from '../html';
import { DEMO_HOSTS, demoUrl } from '../hosts';
import { listPhrase, type DemoPage } from '../page';
import { displayTitle, wikiPath } from './wiki-skin';

const HOST = DEMO_HOSTS.intranet;

const STYLE = raw(`
body{margin:0;font:15px/1.6 Georgia,serif;color:#1d2733;background:#f4f1ea}
.site-header{background:#1f3a5f;color:#fff;padding:12px 32px;font:600 18px sans-serif}
.site-header a{color:#fff;text-decoration:none}
main{max-width:960px;margin:24px auto;background:#fff;padding:24px 32px;border-radius:4px}
.news-item{border-left:4px solid #c8a24a;padding-left:16px}.byline{color:#667;font-size:13px}
table.staff{border-collapse:collapse;width:100%}table.staff td,table.staff th{border-bottom:1px solid #ddd;padding:6px;text-align:left}
a{color:#1f5fa8}
`);

export function teamPath(unitId: string): string {
  return `/teams/${encodeURIComponent(unitId)}`;
}

/** Staff profiles, for people who have a login on the intranet itself. */
export function profilePath(login: string): string {
  return `/people/${encodeURIComponent(login)}`;
}

function layout(feed: Feed, title: string, content: Html): Html {
  return markup`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} — ${feed.organization.name} Intranet</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <header class="site-header"><a href="/">${feed.organization.name} Intranet</a></header>
        <main id="main-content">${content}</main>
      </body>
    </html>`;
}

/** Topics in prose, varied the way people write: label, alias, or both. */
function topicPhrase(topic: Topic, index: number): Html {
  const alias = topic.aliases[0];
  if (!alias || index % 3 === 0) return markup`${topic.label}`;
  if (index % 3 === 1) return markup`${alias}`;
  return markup`${topic.label} (or ${alias}, as most of us say)`;
}

function newsItem(cast: DemoCast): Html {
  const [first] = cast.featured;
  const writer = first?.members[0]?.person;
  const topics = cast.topics.slice(0, 5).map(topicPhrase);
  const communities = cast.featured.map((f) => f.community.name);
  return markup`<article class="news-item">
    <h2>Communities of practice: what’s new this month</h2>
    <p class="byline">
      Posted
      ${feedDate(cast.feed, 3).toISOString().slice(0, 10)}${writer ? markup` by ${writer.name}` : ''}
    </p>
    ${communities.length > 0 ? markup`<p>Our communities of practice had a busy month. ${listPhrase(communities)} met in person and online.</p>` : ''}
    ${topics.length > 0 ? markup`<p>Sessions covered ${listPhrase(topics)}. Recordings and notes are on the wiki, and every group welcomes newcomers who want to learn.</p>` : ''}
  </article>`;
}

function home(cast: DemoCast): Html {
  return layout(
    cast.feed,
    'Home',
    markup`<h1>Welcome to the ${cast.feed.organization.name} intranet</h1>
      ${newsItem(cast)}
      <h2>Teams</h2>
      <ul class="team-list">
        ${cast.teams.map(({ unit, people }) => markup`<li><a href="${teamPath(unit.id)}">${unit.name}</a> (${people.length})</li>`)}
      </ul>`,
  );
}

function staffRow(person: Person): Html {
  const wikiLogin = loginOn(person, DEMO_HOSTS.wiki);
  const intranetLogin = loginOn(person, HOST);
  return markup`<tr class="person" data-person="${person.id}">
    <td class="name">
      ${intranetLogin ? markup`<a href="${profilePath(intranetLogin)}">${person.name}</a>` : person.name}
    </td>
    <td class="title">${person.title ?? ''}</td>
    <td class="email">
      ${person.emails.map((email) => markup`<a href="mailto:${email}">${email}</a> `)}
    </td>
    <td class="wiki">
      ${wikiLogin ? markup`<a href="${demoUrl(DEMO_HOSTS.wiki, wikiPath(`User:${wikiLogin}`))}">User:${displayTitle(wikiLogin)}</a>` : ''}
    </td>
  </tr>`;
}

function team(cast: DemoCast, unitId: string): Html {
  const entry = cast.teams.find((t) => t.unit.id === unitId);
  if (!entry) return markup``;
  const { unit, people } = entry;
  const parent = cast.feed.units.find((u) => u.id === unit.parent);
  const parentHasPage = parent && cast.teams.some((t) => t.unit.id === parent.id);
  return layout(
    cast.feed,
    unit.name,
    markup`<h1 class="team-name">${unit.name}</h1>
      <p>
        ${unit.company ? markup`${unit.company}. ` : ''}${parent ? markup`Part of ${parentHasPage ? markup`<a href="${teamPath(parent.id)}">${parent.name}</a>` : parent.name}.` : ''}
      </p>
      <table class="staff">
        <thead>
          <tr>
            <th>Name</th>
            <th>Title</th>
            <th>Email</th>
            <th>Wiki</th>
          </tr>
        </thead>
        <tbody>
          ${people.map(staffRow)}
        </tbody>
      </table>`,
  );
}

function profile(cast: DemoCast, person: Person, login: string): Html {
  const unit = cast.feed.units.find((u) => u.id === person.unit);
  return layout(
    cast.feed,
    person.name,
    markup`<div class="profile" data-login="${login}">
<h1 class="profile-name">${person.name}</h1>
<p class="profile-title">${person.title ?? ''}${unit ? markup` · <a href="${teamPath(unit.id)}">${unit.name}</a>` : ''}</p>
<dl><dt>Account</dt><dd class="profile-login">${login}</dd>
${person.emails.map((email) => markup`<dt>Email</dt><dd><a href="mailto:${email}">${email}</a></dd>`)}
${person.timezone ? markup`<dt>Time zone</dt><dd>${person.timezone}</dd>` : ''}</dl>
</div>`,
  );
}

export function intranetPages(cast: DemoCast): DemoPage[] {
  const profiles = cast.feed.people.flatMap((person): DemoPage[] => {
    const login = loginOn(person, HOST);
    if (!login) return [];
    return [
      {
        kind: 'intranet-person',
        host: HOST,
        path: profilePath(login),
        title: person.name,
        render: () => profile(cast, person, login),
      },
    ];
  });
  return [
    {
      kind: 'intranet-home',
      host: HOST,
      path: '/',
      title: 'Intranet home',
      featured: true,
      render: () => home(cast),
    },
    ...cast.teams.map(({ unit }): DemoPage => ({
      kind: 'intranet-team',
      host: HOST,
      path: teamPath(unit.id),
      title: unit.name,
      render: () => team(cast, unit.id),
    })),
    ...profiles,
  ];
}
