// How a demo community is described before people are assigned to it: the feed record itself
// plus what the generator needs to staff it (size, where members come from, who leads). Also
// small builders for channel URLs so every link points at the demo hosts consistently.
import type { FeedInput } from '../model/feed';
import type { LeadershipRole, Participation } from '../model/vocabulary';

export type CommunityInput = FeedInput['communities'][number];
type ChannelInput = NonNullable<CommunityInput['channels']>[number];
type LinkInput = NonNullable<CommunityInput['repertoire']>[number];

/** A named person's place in a community. */
interface LeaderPlan {
  person: string;
  roles: LeadershipRole[];
  /** Defaults to core: most leaders sit at the heart of the community. */
  participation?: Participation;
}

export interface CommunityPlan {
  community: CommunityInput;
  /** No membership starts before this date (YYYY-MM-DD). */
  founded: string;
  /** Total members, Lumen Analytics partners included. */
  size: number;
  /** Units most members come from; the rest come from anywhere in Northwind. */
  homeUnits: readonly string[];
  /** How many members are Lumen Analytics people (named leaders included). */
  partners?: number;
  leaders: readonly LeaderPlan[];
  /** Roles held by generated core members, one entry per member. */
  generatedLeaders?: readonly (readonly LeadershipRole[])[];
}

const WIKI = 'https://wiki.northwind.test/wiki/';

export const chat = (room: string): ChannelInput => ({
  kind: 'chat',
  label: `#${room}`,
  url: `https://chat.northwind.test/#${room}`,
});

export const mailingList = (name: string): ChannelInput => ({
  kind: 'mailing-list',
  label: `${name}@lists.northwind.example`,
  url: `https://lists.northwind.test/archives/${name}`,
});

export const forum = (category: string, label: string): ChannelInput => ({
  kind: 'forum',
  label,
  url: `https://forum.northwind.test/c/${category}`,
});

export const wiki = (page: string): ChannelInput => ({
  kind: 'wiki',
  label: page.replace(/_/g, ' '),
  url: `${WIKI}${page}`,
});

export const repo = (path: string): ChannelInput => ({
  kind: 'repo',
  label: path,
  url: `https://git.northwind.test/${path}`,
});

export const meetingRoom = (room: string, label: string): ChannelInput => ({
  kind: 'meeting',
  label,
  url: `https://meet.northwind.test/${room}`,
});

export const wikiLink = (label: string, page: string): LinkInput => ({
  label,
  url: `${WIKI}${page}`,
});

export const repoLink = (label: string, path: string): LinkInput => ({
  label,
  url: `https://git.northwind.test/${path}`,
});

export const meetUrl = (room: string): string => `https://meet.northwind.test/${room}`;
