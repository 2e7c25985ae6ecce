// wiki.northwind.test: a main page, and for each featured community an article naming its
// topics in prose (plus a <pre>/<code> example that must never be annotated), its revision
// history with several editors, and a talk page with signed comments; a user page per
// person with a wiki login.
import type { Person, Topic } from '../../../lib/model/feed';
import { feedDate, loginOn, slug, type DemoCast, type FeaturedCommunity } from '../cast';
import { markup, type Html } from '../html';
import { DEMO_HOSTS } from '../hosts';
import { listPhrase, type DemoPage } from '../page';
import {
  displayTitle,
  historyPath,
  signature,
  userLink,
  wikiDate,
  wikiLayout,
  wikiLink,
  wikiPath,
} from './wiki-skin';

const HOST = DEMO_HOSTS.wiki;

/** `Label (also written <i>alias</i>)`, or the label alone when it has no alias. */
function topicInProse(topic: Topic): Html {
  const alias = topic.aliases[0];
  return alias ? markup`${topic.label} (also written <i>${alias}</i>)` : markup`${topic.label}`;
}

function wikiLogin(person: Person): string {
  return loginOn(person, HOST) ?? person.name;
}

function personLink(person: Person): Html {
  const login = loginOn(person, HOST);
  return login ? wikiLink(`User:${login}`, person.name) : markup`${person.name}`;
}

/** A config snippet naming topics and a login: code, which must never be annotated. */
function exampleBlock(first: Topic, topics: Topic[], login: string, email?: string): string {
  // Built as plain lines: whitespace inside <pre> is content, so no template reflow may touch it.
  return [
    `# ${first.label} checklist, maintained by ${login}`,
    'topics:',
    ...topics.map((t) => `  - ${t.label}${t.aliases[0] ? `   # a.k.a. ${t.aliases[0]}` : ''}`),
    `owner: ${email ?? 'n/a'}`,
  ].join('\n');
}

function article(cast: DemoCast, featured: FeaturedCommunity): Html {
  const { community, topics, members, wikiMembers } = featured;
  const org = cast.feed.organization.name;
  const titled = new Set(cast.featured.map((f) => f.community.id));
  const first = topics[0];
  const owner = wikiMembers[0]?.person ?? members[0]?.person;
  const ownerEmail = owner?.emails[0];
  // Members-only communities stay off pages anyone can read.
  const related = cast.feed.communities.filter(
    (c) => community.related.includes(c.id) && c.visibility === 'public',
  );
  return markup`<div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr">
    <table class="infobox">
      <tbody>
        <tr>
          <th colspan="2">${community.name}</th>
        </tr>
        <tr>
          <th>Stage</th>
          <td>${community.stage}</td>
        </tr>
        <tr>
          <th>Standing</th>
          <td>${community.standing}</td>
        </tr>
        <tr>
          <th>Open to newcomers</th>
          <td>${community.openToNewcomers ? 'yes' : 'no'}</td>
        </tr>
      </tbody>
    </table>
    <p><b>${community.name}</b> is a community of practice at ${org}. ${community.domain}</p>
    ${topics.length > 0 ? markup`<p>Its members share what they learn about ${listPhrase(topics.map(topicInProse))}.</p>` : ''}
    <h2><span class="mw-headline" id="Topics">Topics</span></h2>
    <ul>
      ${topics.map(
        (topic) =>
          markup`<li>
            <b>${topic.label}</b
            >${topic.aliases.length > 0 ? markup` — also known as ${listPhrase(topic.aliases)}` : ''}${topic.description ? markup`: ${topic.description}` : ''}
          </li>`,
      )}
    </ul>
    <h2><span class="mw-headline" id="People">People</span></h2>
    ${wikiMembers.length > 0 ? markup`<p>Questions? Ask ${listPhrase(wikiMembers.slice(0, 3).map((m) => personLink(m.person)))}.</p>` : ''}
    <ul>
      ${members.slice(0, 8).map(
        ({ person, membership }) =>
          markup`<li>
              ${personLink(person)} —
              ${membership.participation}${membership.roles.length > 0 ? markup` (${membership.roles.join(', ')})` : ''}
            </li>`,
      )}
    </ul>
    ${
      community.channels.length > 0
        ? markup`<h2><span class="mw-headline" id="Channels">Channels</span></h2>
            <ul>
              ${community.channels.map(
                (channel) =>
                  markup`<li>
                    ${channel.kind}:
                    ${channel.url ? markup`<a rel="nofollow" class="external text" href="${channel.url}">${channel.label}</a>` : channel.label}
                  </li>`,
              )}
            </ul>`
        : ''
    }
    ${
      first
        ? markup`<h2><span class="mw-headline" id="Example">Example</span></h2>
            <p>
              Before a release, run
              <code>${slug(first.label)}-check --owner ${owner ? wikiLogin(owner) : 'nobody'}</code>
              and paste the result on the talk page.
            </p>
            <pre>${exampleBlock(first, topics, owner ? wikiLogin(owner) : 'nobody', ownerEmail)}</pre>`
        : ''
    }
    ${
      related.length > 0
        ? markup`<h2><span class="mw-headline" id="See_also">See also</span></h2>
            <ul>
              ${related.map((c) => markup`<li>${titled.has(c.id) ? wikiLink(c.name) : c.name}</li>`)}
            </ul>`
        : ''
    }
  </div>`;
}

function history(cast: DemoCast, featured: FeaturedCommunity): Html {
  const title = featured.community.name;
  const editors = featured.wikiMembers.slice(0, 6).map((m) => m.person);
  if (editors[0]) editors.push(editors[0]);
  const topics = featured.topics;
  const rows = editors.map((person, index) => {
    const login = wikiLogin(person);
    const revision = 48_210 - index * 37;
    const topic = topics[index % Math.max(topics.length, 1)];
    const summary = topic ? `Expanded the section on ${topic.label}` : 'Copy-edit';
    return markup`<li data-mw-revid="${revision}">
      <span class="mw-history-histlinks">(cur | prev)</span>
      <a
        href="/w/index.php?title=${wikiPath(title).slice(6)}&amp;oldid=${revision}"
        class="mw-changeslist-date"
        title="${title}"
        >${wikiDate(feedDate(cast.feed, 2 + index * 5, 9 + index, 2 + index * 7))}</a
      >
      <span class="history-user"
        >${userLink(login)}
        <span class="mw-usertoollinks"
          >(${wikiLink(`User talk:${login}`, 'talk')} |
          <a
            href="/wiki/Special:Contributions/${encodeURIComponent(login)}"
            class="mw-usertoollinks-contribs"
            >contribs</a
          >)</span
        ></span
      >
      <span class="history-size mw-diff-bytes"
        >(${(4_000 + index * 137).toLocaleString('en')} bytes)</span
      >
      <span class="comment comment--without-parentheses">${summary}</span>
    </li>`;
  });
  return markup`<div class="mw-history-legend">
      Legend: (cur) = difference with latest revision, (prev) = difference with preceding revision.
    </div>
    <section id="pagehistory" class="mw-pager-body">
      <h4 class="mw-index-pager-list-header-first">${title}</h4>
      <ul class="mw-contributions-list">
        ${rows}
      </ul>
    </section>`;
}

function talk(cast: DemoCast, featured: FeaturedCommunity): Html {
  const speakers = featured.wikiMembers.slice(0, 3).map((m) => wikiLogin(m.person));
  const topic = featured.topics[0];
  const sign = (index: number) => {
    const login = speakers[index % Math.max(speakers.length, 1)];
    return login
      ? signature(login, feedDate(cast.feed, 9 - index, 10 + index, 2 + index * 11))
      : '';
  };
  const subject = topic ? `Scope of the ${topic.label} section` : 'Scope of this page';
  return markup`<div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr">
    <h2><span class="mw-headline" id="${slug(subject)}">${subject}</span></h2>
    <p>
      Should this page also cover ${topic ? topicInProse(topic) : 'the basics'} for newcomers, or
      link out to the handbook? ${sign(0)}
    </p>
    <dl>
      <dd>Link out, but keep a short summary here so people can find the community. ${sign(1)}</dd>
      <dd>
        <dl><dd>Agreed; I moved the long checklist to the repository. ${sign(2)}</dd></dl>
      </dd>
    </dl>
    <h2><span class="mw-headline" id="Meeting_notes">Meeting notes</span></h2>
    <p>
      Notes from the last meeting are on the community page under
      ${wikiLink(featured.community.name)}. ${sign(1)}
    </p>
  </div>`;
}

function userPage(cast: DemoCast, person: Person, login: string): Html {
  const unit = cast.feed.units.find((u) => u.id === person.unit);
  const featured = new Set(cast.featured.map((f) => f.community.id));
  const memberships = cast.feed.memberships.filter((m) => m.person === person.id);
  const communities = new Map(cast.feed.communities.map((c) => [c.id, c]));
  return markup`<div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr">
    <p>
      <b>${person.name}</b
      >${person.title ? markup`, ${person.title}` : ''}${unit ? markup` in ${unit.name}` : ''}${person.company ? markup` (${person.company})` : ''}.
    </p>
    ${person.emails[0] ? markup`<p>Email: <a class="external free" href="mailto:${person.emails[0]}">${person.emails[0]}</a></p>` : ''}
    <h2><span class="mw-headline" id="Communities">Communities</span></h2>
    <ul>
      ${memberships.map((membership) => {
        const community = communities.get(membership.community);
        if (!community) return '';
        const name = featured.has(community.id) ? wikiLink(community.name) : community.name;
        return markup`<li>${name} — ${membership.participation}</li>`;
      })}
    </ul>
    <p>This is the user page of ${userLink(login)}.</p>
  </div>`;
}

export function wikiPages(cast: DemoCast): DemoPage[] {
  const { feed } = cast;
  const pages: DemoPage[] = [
    {
      kind: 'wiki-main',
      host: HOST,
      path: '/wiki/Main_Page',
      title: 'Main Page',
      render: () =>
        wikiLayout({
          feed,
          title: 'Main Page',
          namespace: 0,
          content: markup`<div class="mw-parser-output">
            <p>Welcome to the ${feed.organization.name} wiki. Communities of practice:</p>
            <ul>
              ${cast.featured.map((f) => markup`<li>${wikiLink(f.community.name)}</li>`)}
            </ul>
          </div>`,
        }),
    },
  ];
  cast.featured.forEach((featured, index) => {
    const title = featured.community.name;
    const lastEdited = feedDate(feed, 2, 9, 2);
    pages.push(
      {
        kind: 'wiki-article',
        host: HOST,
        path: wikiPath(title),
        title,
        featured: index === 0,
        render: () =>
          wikiLayout({ feed, title, namespace: 0, lastEdited, content: article(cast, featured) }),
      },
      {
        kind: 'wiki-history',
        host: HOST,
        path: historyPath(title),
        title: `${title}: Revision history`,
        render: () =>
          wikiLayout({
            feed,
            title,
            namespace: 0,
            action: 'history',
            content: history(cast, featured),
          }),
      },
      {
        kind: 'wiki-talk',
        host: HOST,
        path: wikiPath(`Talk:${title}`),
        title: `Talk:${title}`,
        render: () =>
          wikiLayout({ feed, title: `Talk:${title}`, namespace: 1, content: talk(cast, featured) }),
      },
    );
  });
  for (const person of feed.people) {
    const login = loginOn(person, HOST);
    if (!login) continue;
    const title = displayTitle(`User:${login}`);
    pages.push({
      kind: 'wiki-user',
      host: HOST,
      path: wikiPath(title),
      title,
      render: () =>
        wikiLayout({ feed, title, namespace: 2, content: userPage(cast, person, login) }),
    });
  }
  return pages;
}
