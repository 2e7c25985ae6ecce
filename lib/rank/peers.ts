// Ranks the people who know a topic, for "who outside my unit knows about X?". Pure: the
// finder query gathers the evidence, this decides the order and explains each person.
// Weights (documented in docs/popup.md): declared expertise counts most, then how centrally
// the person takes part in communities covering the topic, then leadership roles there,
// then social proximity (communities shared with me: an easier first contact).
import type { LeadershipRole, Participation } from '../model/vocabulary';

export interface PeerEvidence {
  personId: string;
  name: string;
  unit?: string;
  company?: string;
  /** Declared expertise level on the topic, 1–5. */
  level?: number;
  /** Memberships in communities covering the topic. */
  memberships: {
    communityId: string;
    communityName: string;
    participation: Participation;
    roles: LeadershipRole[];
  }[];
  /** How many of my communities this person is also in. */
  sharedWithMe: number;
}

export interface PeerFilters {
  /** Drop people of my own unit (and me). */
  outsideMyUnit: boolean;
  unit?: string;
  company?: string;
  community?: string;
  participation?: Participation;
  role?: LeadershipRole;
}

export interface Me {
  personId: string;
  unit?: string;
}

export interface RankedPeer extends PeerEvidence {
  score: number;
  /** Why this person is listed, most important first, in the product's words. */
  reasons: string[];
}

const PEER_WEIGHTS = {
  perExpertiseLevel: 4,
  participation: { core: 6, active: 3, peripheral: 1 } satisfies Record<Participation, number>,
  perRole: 2,
  maxRoles: 3,
  perSharedCommunity: 2,
  maxShared: 3,
} as const;

export function scorePeer(peer: PeerEvidence): number {
  const w = PEER_WEIGHTS;
  const participation = Math.max(
    0,
    ...peer.memberships.map((m) => w.participation[m.participation]),
  );
  const roles = new Set(peer.memberships.flatMap((m) => m.roles)).size;
  return (
    (peer.level ?? 0) * w.perExpertiseLevel +
    participation +
    Math.min(roles, w.maxRoles) * w.perRole +
    Math.min(peer.sharedWithMe, w.maxShared) * w.perSharedCommunity
  );
}

function passesFilters(peer: PeerEvidence, filters: PeerFilters, me?: Me): boolean {
  if (me && peer.personId === me.personId) return false;
  if (filters.outsideMyUnit && me?.unit !== undefined && peer.unit === me.unit) return false;
  if (filters.unit !== undefined && peer.unit !== filters.unit) return false;
  if (filters.company !== undefined && peer.company !== filters.company) return false;
  if (
    filters.community !== undefined &&
    !peer.memberships.some((m) => m.communityId === filters.community)
  ) {
    return false;
  }
  if (
    filters.participation !== undefined &&
    !peer.memberships.some((m) => m.participation === filters.participation)
  ) {
    return false;
  }
  if (filters.role !== undefined && !peer.memberships.some((m) => m.roles.includes(filters.role!)))
    return false;
  return true;
}

const LEVEL_NAMES = ['', 'aware', 'practitioner', 'proficient', 'expert', 'authority'] as const;

function explainPeer(peer: PeerEvidence, topicLabel: string): string[] {
  const reasons: string[] = [];
  if (peer.level) reasons.push(`${LEVEL_NAMES[peer.level]} (${peer.level}/5) in ${topicLabel}`);
  const ordered = [...peer.memberships].sort(
    (a, b) =>
      PEER_WEIGHTS.participation[b.participation] - PEER_WEIGHTS.participation[a.participation],
  );
  for (const m of ordered) {
    reasons.push(
      `${m.participation} in ${m.communityName}${m.roles.length ? ` · ${m.roles.join(', ')}` : ''}`,
    );
  }
  if (peer.sharedWithMe > 0) {
    reasons.push(
      `shares ${peer.sharedWithMe} ${peer.sharedWithMe === 1 ? 'community' : 'communities'} with you`,
    );
  }
  return reasons;
}

/** Filters, scores and orders peers: highest score first, then by name. */
export function rankPeers(
  evidence: PeerEvidence[],
  topicLabel: string,
  filters: PeerFilters,
  me?: Me,
): RankedPeer[] {
  return evidence
    .filter((peer) => passesFilters(peer, filters, me))
    .map((peer) => ({ ...peer, score: scorePeer(peer), reasons: explainPeer(peer, topicLabel) }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
