// Pull requests and issues on git.northwind.test, one of each per featured community: an
// author, reviewers and assignees, @mentions in comments, and a diff whose code names topics
// and logins (code, which the extension must never annotate).
import type { Person, Topic } from '../../../lib/model/feed';
import { feedDate, loginOn, slug, type DemoCast, type FeaturedCommunity } from '../cast';
import { markup, type Html } from '../html';
import { DEMO_HOSTS } from '../hosts';
import { listPhrase } from '../page';
import {
  authorLink,
  avatar,
  diffFileBox,
  mention,
  timeSince,
  userPath,
  type DiffLine,
} from './code-skin';

const HOST = DEMO_HOSTS.code;

/** Where a featured community's pages live on the code host. */
export function repositoryOf(featured: FeaturedCommunity, index: number) {
  const org = slug(featured.community.name);
  const repo = featured.topics[0] ? slug(featured.topics[0].label) : 'handbook';
  return {
    org,
    repo,
    pull: 17 + index * 11,
    issue: 5 + index * 7,
    path: `/${encodeURIComponent(org)}/${encodeURIComponent(repo)}`,
  };
}

export type Repository = ReturnType<typeof repositoryOf>;

export function pullTitle(featured: FeaturedCommunity): string {
  const topic = featured.topics[0];
  return topic ? `Add the ${topic.label} review checklist` : 'Update the handbook';
}

export function issueTitle(featured: FeaturedCommunity): string {
  const topic = featured.topics[0];
  return topic ? `Newcomer guide for ${topic.label}` : 'Newcomer guide';
}

function login(person: Person): string {
  return loginOn(person, HOST) ?? person.name;
}

function comment(who: string, date: Date, body: Html, id: string): Html {
  return markup`<div class="timeline-item comment" id="${id}">
    <a class="timeline-avatar" href="${userPath(who)}">${avatar(who)}</a>
    <div class="content comment-container">
      <div class="ui top attached header comment-header" role="heading" aria-level="3">
        <div class="comment-header-left">
          <span class="text grey muted-links">${authorLink(who)} commented ${timeSince(date)}</span>
        </div>
      </div>
      <div class="ui attached segment comment-body" role="article">
        <div class="render-content markup">${body}</div>
      </div>
    </div>
  </div>`;
}

function event(who: string, text: Html): Html {
  return markup`<div class="timeline-item event">
    <span class="text grey muted-links">${authorLink(who)} ${text}</span>
  </div>`;
}

function repoHeader(repository: Repository, active: 'issues' | 'pulls'): Html {
  const { org, repo, path } = repository;
  return markup`<div class="secondary-nav">
    <div class="ui container">
      <div class="repo-header">
        <div class="flex-item-title">
          <a class="muted" href="/${encodeURIComponent(org)}">${org}</a> /
          <a class="muted" href="${path}">${repo}</a>
        </div>
      </div>
      <div class="ui secondary pointing tabular top attached borderless menu">
        <a class="item" href="${path}">Code</a>
        <a class="${active === 'issues' ? 'active ' : ''}item" href="${path}/issues">Issues</a>
        <a class="${active === 'pulls' ? 'active ' : ''}item" href="${path}/pulls">Pull Requests</a>
      </div>
    </div>
  </div>`;
}

function sidebar(heading: string, logins: string[], labels: Topic[]): Html {
  return markup`<div class="issue-content-right ui segment">
    <div class="flex-text-block"><strong>${heading}</strong></div>
    <div class="ui relaxed list">
      ${logins.map(
        (who) =>
          markup`<div class="item">
            <a class="muted flex-text-inline" href="${userPath(who)}"
              >${avatar(who)} <span class="gt-ellipsis">${who}</span></a
            >
          </div>`,
      )}
    </div>
    <div class="divider"></div>
    <div class="flex-text-block"><strong>Labels</strong></div>
    <div class="labels-list">
      ${labels.map((topic) => markup`<span class="ui label">${topic.label}</span>`)}
    </div>
  </div>`;
}

export function pullRequest(
  cast: DemoCast,
  featured: FeaturedCommunity,
  repository: Repository,
): Html {
  const people = featured.codeMembers.map((m) => login(m.person));
  const [author = 'ghost', ...others] = people;
  const reviewers = others.slice(0, 3);
  const [topic, second] = featured.topics;
  const emails = featured.codeMembers.slice(1, 3).flatMap((m) => m.person.emails.slice(0, 1));
  const title = pullTitle(featured);
  const date = (days: number, hour: number) => feedDate(cast.feed, days, hour, 14);
  const diff: DiffLine[] = [
    { kind: 'same', text: `# ${topic?.label ?? 'Handbook'} checklist` },
    { kind: 'del', text: 'Owner: TBD' },
    { kind: 'add', text: `Owner: @${author}` },
    {
      kind: 'add',
      text: `Reviewers: ${reviewers.map((r) => `@${r}`).join(' ')} ${emails.join(', ')}`,
    },
    { kind: 'same', text: '' },
    ...(second
      ? [
          {
            kind: 'add' as const,
            text: `- [ ] ${second.label} dashboards reviewed (${second.aliases[0] ?? second.label})`,
          },
        ]
      : []),
    { kind: 'same', text: `- [ ] ${topic?.aliases[0] ?? 'release'} runbook linked` },
  ];
  const timeline: Html[] = [
    markup`<div class="timeline-item comment first" id="issue-${repository.pull}">
      <a class="timeline-avatar" href="${userPath(author)}">${avatar(author)}</a>
      <div class="content comment-container">
        <div class="ui top attached header comment-header" role="heading" aria-level="3">
          <div class="comment-header-left">
            <span class="text grey muted-links"
              >${authorLink(author)} commented ${timeSince(date(6, 9))}</span
            >
          </div>
        </div>
        <div class="ui attached segment comment-body" role="article">
          <div class="render-content markup">
            <p>
              This adds the checklist we agreed on in the ${featured.community.name}
              meeting${topic ? markup`, so that ${topic.label} changes get the same review` : ''}.${second ? markup` It also covers ${second.label}${second.aliases[0] ? markup` (${second.aliases[0]})` : ''}.` : ''}
            </p>
            ${reviewers.length > 0 ? markup`<p>cc ${listPhrase(reviewers.map(mention))}</p>` : ''}
          </div>
        </div>
      </div>
    </div>`,
  ];
  if (reviewers[0]) {
    timeline.push(
      event(
        author,
        markup`requested review from ${listPhrase(reviewers.map(authorLink))} ${timeSince(date(6, 9))}`,
      ),
      comment(
        reviewers[0],
        date(5, 11),
        markup`<p>
          Looks good. ${mention(author)}, could you add a line about
          ${topic?.aliases[0] ?? topic?.label ?? 'the rollout'}?
        </p>`,
        `issuecomment-${repository.pull}01`,
      ),
      comment(
        author,
        date(4, 15),
        markup`<p>
          Done, thanks
          ${mention(reviewers[0])}.${reviewers[1] ? markup` ${mention(reviewers[1])}, can you double-check the ${second?.label ?? 'last'} part?` : ''}
        </p>`,
        `issuecomment-${repository.pull}02`,
      ),
    );
  }
  if (reviewers[1])
    timeline.push(event(reviewers[1], markup`approved these changes ${timeSince(date(3, 10))}`));
  return markup`${repoHeader(repository, 'pulls')}
    <div class="ui container">
      <div class="issue-title-header">
        <div class="issue-title" id="issue-title-display">
          <h1 class="tw-break-anywhere">
            <span id="issue-title">${title}</span> <span class="index">#${repository.pull}</span>
          </h1>
        </div>
        <div class="issue-title-meta">
          <div class="ui green label issue-state-label">Open</div>
          <span class="pull-desc"
            >${authorLink(author)} wants to merge 2 commits into <code>main</code> from
            <code>${author}/${topic ? slug(topic.label) : 'docs'}-checklist</code></span
          >
        </div>
      </div>
      <div class="issue-content">
        <div class="issue-content-left comment-list prevent-before-timeline">
          ${timeline}
          <div id="diff-file-boxes" class="sixteen wide column">
            ${diffFileBox(`docs/${topic ? slug(topic.label) : 'handbook'}-checklist.md`, diff)}
          </div>
        </div>
        ${sidebar('Reviewers', reviewers, featured.topics)}
      </div>
    </div>`;
}

export function issue(cast: DemoCast, featured: FeaturedCommunity, repository: Repository): Html {
  const people = featured.codeMembers.map((m) => login(m.person));
  const author = people[people.length - 1] ?? 'ghost';
  const assignee = people[0];
  const topics = featured.topics;
  const title = issueTitle(featured);
  const timeline: Html[] = [
    comment(
      author,
      feedDate(cast.feed, 12, 8),
      markup`<p>
        I joined recently and would like to
        help${topics.length > 0 ? markup` with ${listPhrase(topics.map((t) => t.aliases[0] ?? t.label))}` : ''}.
        Is there a guide for newcomers to ${featured.community.name}?
      </p>`,
      `issue-${repository.issue}`,
    ),
  ];
  if (assignee && assignee !== author) {
    timeline.push(
      event(assignee, markup`self-assigned this ${timeSince(feedDate(cast.feed, 11, 9))}`),
      comment(
        assignee,
        feedDate(cast.feed, 11, 10),
        markup`<p>
          Welcome ${mention(author)}! Start with the checklist in
          ${markup`<a href="${repository.path}/pulls/${repository.pull}">#${repository.pull}</a>`};
          ${topics[0] ? markup`for ${topics[0].label} questions, ` : ''}join our next meeting.
        </p>`,
        `issuecomment-${repository.issue}01`,
      ),
    );
  }
  return markup`${repoHeader(repository, 'issues')}
    <div class="ui container">
      <div class="issue-title-header">
        <div class="issue-title" id="issue-title-display">
          <h1 class="tw-break-anywhere">
            <span id="issue-title">${title}</span> <span class="index">#${repository.issue}</span>
          </h1>
        </div>
        <div class="issue-title-meta">
          <div class="ui green label issue-state-label">Open</div>
          ${authorLink(author)} opened this issue ${timeSince(feedDate(cast.feed, 12, 8))}
        </div>
      </div>
      <div class="issue-content">
        <div class="issue-content-left comment-list prevent-before-timeline">${timeline}</div>
        ${sidebar('Assignees', assignee ? [assignee] : [], topics)}
      </div>
    </div>`;
}
