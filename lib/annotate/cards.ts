// What a hovercard shows, as plain JSON the background sends on hover: a person with their
// unit, company and communities (and which of those the viewer shares), or a topic with the
// communities whose domain covers it and whom to ask outside the viewer's unit. Members-only
// communities the viewer is not in never appear here: the background filters with canSee.
import type {
  ChannelKind,
  LeadershipRole,
  Participation,
  Stage,
  Standing,
} from '../model/vocabulary';

/** A community discovered from shared work (issue 16), as cards label it (lib/discovered.ts). */
export interface CardDiscovered {
  /** "Discovered from shared work in python/devguide history, 2014–2026 — not a chartered …" */
  origin: string;
  /** The community's evidence: "Evidence: 85 commits by 31 people on … since 2014". */
  evidence?: string;
}

export interface CardCommunity {
  feedId: string;
  id: string;
  name: string;
  stage: Stage;
  standing: Standing;
  /** Present only for a community discovered from shared work: never a chartered one. */
  discovered?: CardDiscovered;
}

export interface PersonCardCommunity extends CardCommunity {
  participation: Participation;
  roles: LeadershipRole[];
  /** The viewer belongs to this community too. */
  shared: boolean;
  /** Why the membership is believed, when it was discovered from shared work (issue 16). */
  evidence?: string;
}

export interface PersonCard {
  kind: 'person';
  feedId: string;
  id: string;
  name: string;
  title?: string;
  unitName?: string;
  company?: string;
  /** This person is the viewer. */
  isMe: boolean;
  /** The viewer has said who they are (options); without it nothing is "shared". */
  viewerKnown: boolean;
  demo: boolean;
  communities: PersonCardCommunity[];
}

export interface TopicCardCommunity extends CardCommunity {
  domain: string;
  openToNewcomers: boolean;
  channels: { kind: ChannelKind; label: string; url?: string }[];
  meetings: { title: string; schedule?: string; url?: string }[];
  /** The viewer belongs to this community. */
  mine: boolean;
}

export interface PersonToAsk {
  feedId: string;
  id: string;
  name: string;
  unitName?: string;
  company?: string;
  /** Why this person: "expert (level 4)", "core member of SRE Guild". */
  reason: string;
}

/** What the page around a topic mark tells the card (issue 14: relevance). */
export interface TopicCardContext {
  /** Communities whose names are marked on this page: listed first on the card. */
  namedOnPage?: { feedId: string; id: string }[];
}

export interface TopicCard {
  kind: 'topic';
  feedId: string;
  id: string;
  label: string;
  description?: string;
  viewerKnown: boolean;
  demo: boolean;
  /**
   * Most relevant first: communities named on this page, then the viewer's, then by last
   * activity (most recent first), then by name.
   */
  communities: TopicCardCommunity[];
  /** Experts and core members whose unit differs from the viewer's (all, if unknown). */
  askOutsideMyUnit: PersonToAsk[];
}

/** Someone to ask about a community: its leaders and core members. */
export interface CommunityContact {
  feedId: string;
  id: string;
  name: string;
  participation: Participation;
  roles: LeadershipRole[];
}

/** A community named on a page: what it is, how to take part, whom to ask, and me. */
export interface CommunityCard extends Omit<TopicCardCommunity, 'mine'> {
  kind: 'community';
  viewerKnown: boolean;
  demo: boolean;
  /** The viewer's relation: a member (with the feed's participation when known) or not. */
  me: { member: boolean; participation?: Participation; roles?: LeadershipRole[] };
  members: number;
  lastActivity?: string;
  /** Topic labels the community covers. */
  topics: string[];
  /** Leaders first (any leadership role), then core members; at most five. */
  ask: CommunityContact[];
}

export type Card = PersonCard | TopicCard | CommunityCard;
