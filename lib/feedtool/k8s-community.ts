// How one Kubernetes community group (a SIG, working group, committee or user group in
// sigs.yaml) becomes a feed community: its name, mission, channels (Slack, mailing lists,
// GitHub teams, its folder in kubernetes/community), meetings (its own and its
// subprojects'), and repertoire (charter, subproject repositories, meeting notes and
// recordings). Mapping choices and their reasons: docs/feed-tooling.md.
import { z } from '../model/zod';
import type { Channel, Link, Meeting } from '../model/feed';
import { unsafeUrlReason } from '../model/safe-url';

export const personEntry = z.looseObject({
  github: z.string().regex(/^\S+$/),
  name: z.string().min(1),
  company: z.string().optional(),
  email: z.string().optional(),
});

const meetingEntry = z.looseObject({
  description: z.string().min(1),
  day: z.string().optional(),
  time: z.union([z.string(), z.number()]).optional(),
  tz: z.string().optional(),
  frequency: z.string().optional(),
  url: z.string().optional(),
  archive_url: z.string().optional(),
  recordings_url: z.string().optional(),
});

const contactEntry = z.looseObject({
  slack: z.string().optional(),
  mailing_list: z.string().optional(),
  private_mailing_list: z.string().optional(),
  teams: z
    .array(z.looseObject({ name: z.string(), description: z.string().optional() }))
    .optional(),
  liaison: personEntry.optional(),
});

export const groupSchema = z.looseObject({
  dir: z.string().regex(/^\S+$/, 'must be a folder name without spaces'),
  name: z.string().min(1),
  mission_statement: z.string().optional(),
  charter_link: z.string().optional(),
  label: z.string().optional(),
  stakeholder_sigs: z.array(z.string()).optional(),
  leadership: z
    .looseObject({
      chairs: z.array(personEntry).optional(),
      tech_leads: z.array(personEntry).optional(),
      emeritus_leads: z.array(personEntry).optional(),
    })
    .optional(),
  meetings: z.array(meetingEntry).nullable().optional(),
  contact: contactEntry.optional(),
  subprojects: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        description: z.string().optional(),
        owners: z.array(z.string()).optional(),
        contact: contactEntry.optional(),
        leads: z.array(personEntry).optional(),
        meetings: z.array(meetingEntry).optional(),
      }),
    )
    .optional(),
});

export type Group = z.infer<typeof groupSchema>;
export type PersonEntry = z.infer<typeof personEntry>;

export interface GroupContext {
  repository: string;
  branch: string;
  slackWorkspace: string;
  /** A link the contract accepts: http:// is upgraded (with a note); anything else that is
   * not a safe absolute URL ("TBD") is left out (with a warning). `at` is the path of the
   * value within the group, for the message's line number. */
  link(url: string, at: (string | number)[]): string | undefined;
}

export function groupChannels(group: Group, ctx: GroupContext): Channel[] {
  const channels: Channel[] = [];
  const add = (channel: Channel) => {
    if (!channels.some((c) => c.kind === channel.kind && c.label === channel.label))
      channels.push(channel);
  };
  const contacts = [
    { contact: group.contact, of: '', at: ['contact'] as (string | number)[] },
    ...(group.subprojects ?? []).map((s, i) => ({
      contact: s.contact,
      of: s.name,
      at: ['subprojects', i, 'contact'],
    })),
  ];
  for (const { contact, of, at } of contacts) {
    if (!contact) continue;
    if (contact.slack) {
      add({
        kind: 'chat',
        label: `#${contact.slack}${of ? ` (${of})` : ''}`,
        url: `https://${ctx.slackWorkspace}/messages/${contact.slack}`,
      });
    }
    if (contact.mailing_list && !of) {
      const url = ctx.link(contact.mailing_list, [...at, 'mailing_list']);
      add({
        kind: 'mailing-list',
        label: mailingListName(contact.mailing_list),
        ...(url ? { url } : {}),
      });
    }
    if (contact.private_mailing_list && !of) {
      add({ kind: 'mailing-list', label: `${contact.private_mailing_list} (private)` });
    }
  }
  const org = new URL(ctx.repository).pathname.split('/')[1];
  for (const team of group.contact?.teams ?? []) {
    add({
      kind: 'other',
      label:
        `GitHub team @${org}/${team.name}${team.description ? `: ${team.description}` : ''}`.slice(
          0,
          300,
        ),
      url: `https://github.com/orgs/${org}/teams/${team.name}`,
    });
  }
  add({
    kind: 'repo',
    label: `${new URL(ctx.repository).pathname.slice(1)}/${group.dir}`,
    url: `${ctx.repository}/tree/${ctx.branch}/${group.dir}`,
  });
  return channels;
}

export function groupMeetings(group: Group, ctx: GroupContext): Meeting[] {
  return meetingsOf(group).map(({ m, of, at }) => {
    const meeting: Meeting = { title: `${of ? `${of}: ` : ''}${m.description}`.slice(0, 300) };
    const schedule = [
      m.frequency,
      m.day && `on ${m.day}`,
      m.time !== undefined && `at ${m.time}`,
      m.tz,
    ]
      .filter(Boolean)
      .join(' ');
    if (schedule) meeting.schedule = schedule.slice(0, 300);
    const url = m.url && ctx.link(m.url, [...at, 'url']);
    if (url) meeting.url = url;
    return meeting;
  });
}

export function groupRepertoire(group: Group, ctx: GroupContext): Link[] {
  const links: Link[] = [];
  const add = (label: string, url: string | undefined) => {
    if (url && !links.some((l) => l.url === url)) links.push({ label: label.slice(0, 300), url });
  };
  if (group.charter_link) {
    const charter = /^https?:\/\//.test(group.charter_link)
      ? ctx.link(group.charter_link, ['charter_link'])
      : `${ctx.repository}/blob/${ctx.branch}/${group.dir}/${group.charter_link}`;
    add('Charter', charter);
  }
  for (const sub of group.subprojects ?? []) {
    const repo = sub.owners?.map(ownersToRepository).find((u): u is string => u !== undefined);
    add(`Subproject ${sub.name}${sub.description ? `: ${sub.description}` : ''}`, repo);
  }
  for (const { m, at } of meetingsOf(group)) {
    if (m.archive_url)
      add(`${m.description}: agenda and notes`, ctx.link(m.archive_url, [...at, 'archive_url']));
    if (m.recordings_url)
      add(`${m.description}: recordings`, ctx.link(m.recordings_url, [...at, 'recordings_url']));
  }
  return links.slice(0, 200);
}

/** The group's meetings and its subprojects', with their paths in the group. */
function meetingsOf(group: Group) {
  return [
    ...(group.meetings ?? []).map((m, i) => ({
      m,
      of: '',
      at: ['meetings', i] as (string | number)[],
    })),
    ...(group.subprojects ?? []).flatMap((s, j) =>
      (s.meetings ?? []).map((m, i) => ({
        m,
        of: s.name,
        at: ['subprojects', j, 'meetings', i] as (string | number)[],
      })),
    ),
  ];
}

/** raw.githubusercontent.com/ORG/REPO/BRANCH/PATH/OWNERS → github.com/ORG/REPO/tree/BRANCH/PATH */
export function ownersToRepository(owners: string): string | undefined {
  let url: URL;
  try {
    url = new URL(owners);
  } catch {
    return undefined;
  }
  if (url.hostname !== 'raw.githubusercontent.com') return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length < 3) return undefined;
  const [org, repo] = parts as [string, string];
  let rest = parts.slice(2);
  if (rest[0] === 'refs' && rest[1] === 'heads') rest = rest.slice(2);
  const [branch, ...path] = rest;
  if (path[path.length - 1] === 'OWNERS') path.pop();
  return path.length === 0
    ? `https://github.com/${org}/${repo}`
    : `https://github.com/${org}/${repo}/tree/${branch}/${path.join('/')}`;
}

/** "https://groups.google.com/a/kubernetes.io/g/sig-apps" → "sig-apps" (mailing list) */
function mailingListName(url: string): string {
  const m = /(?:forum\/#!forum\/|\/g\/)([^/?#]+)/.exec(url);
  return m ? `${m[1]} (mailing list)` : url.slice(0, 300);
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Makes links acceptable to the contract, or drops them: invisible characters pasted along
 * with a URL are removed and http:// is upgraded (each with a note); anything else that is
 * not a safe absolute URL ("TBD") is left out with a warning. Each message is given once.
 */
export function linkChecker(
  report: (severity: 'note' | 'warning', message: string, at: (string | number)[]) => void,
): (url: string, at: (string | number)[]) => string | undefined {
  return (url, at) => {
    let safe = url.trim();
    const invisible = safe.match(INVISIBLE);
    if (invisible) {
      safe = safe.replace(INVISIBLE, '');
      const codes = [...new Set(invisible)].map(
        (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
      );
      report(
        'note',
        `removed invisible characters (${codes.join(', ')}) from the link ${safe}`,
        at,
      );
    }
    if (safe.startsWith('http://')) {
      safe = `https://${safe.slice(7)}`;
      report('note', `upgraded ${url} to https (feeds accept https links only)`, at);
    }
    const reason = unsafeUrlReason(safe);
    if (reason === null) return safe;
    report('warning', `left out the link "${url}": URL ${reason}`, at);
    return undefined;
  };
}
