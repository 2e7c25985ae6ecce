// The discovered layer of the boundaries view: communities found from shared work
// (`discovered: true` in the feed, issue 16) are kept apart from the chartered ones, so the
// map, table and health analyses never count them as chartered communities, and shown in
// their own, clearly labelled list with the evidence for each community and member.
import type { LoadedConstellation } from '../db/constellation';
import type { Evidence } from '../model/feed';
import type { Participation, Stage, Standing } from '../model/vocabulary';

export interface DiscoveredMemberView {
  name: string;
  participation: Participation;
  boundary: boolean;
  newcomer: boolean;
  evidence?: string;
}

export interface DiscoveredCommunityView {
  key: string;
  name: string;
  domain: string;
  stage: Stage;
  standing: Standing;
  evidence?: Evidence;
  lastActivity?: string;
  members: DiscoveredMemberView[];
}

const ORDER: Record<Participation, number> = { core: 0, active: 1, peripheral: 2 };

/** Splits what was loaded: chartered communities for the analyses, discovered ones apart. */
export function splitDiscovered(loaded: LoadedConstellation): {
  chartered: LoadedConstellation;
  discovered: DiscoveredCommunityView[];
} {
  const isDiscovered = new Set(
    loaded.communities.filter((c) => c.discovered === true).map((c) => `${c.feedId} ${c.id}`),
  );
  if (isDiscovered.size === 0) return { chartered: loaded, discovered: [] };
  const people = new Map(loaded.people.map((p) => [`${p.feedId} ${p.id}`, p]));
  const byCommunity = new Map<string, DiscoveredMemberView[]>();
  const chartered: LoadedConstellation = {
    ...loaded,
    communities: loaded.communities.filter((c) => !isDiscovered.has(`${c.feedId} ${c.id}`)),
    memberships: [],
  };
  for (const m of loaded.memberships) {
    const key = `${m.feedId} ${m.community}`;
    if (!isDiscovered.has(key)) {
      chartered.memberships.push(m);
      continue;
    }
    let list = byCommunity.get(key);
    if (!list) byCommunity.set(key, (list = []));
    const view: DiscoveredMemberView = {
      name: people.get(`${m.feedId} ${m.person}`)?.name ?? m.person,
      participation: m.participation,
      boundary: m.roles.includes('boundary'),
      newcomer: m.evidence?.newcomer === true,
    };
    if (m.evidence) view.evidence = m.evidence.summary;
    list.push(view);
  }
  const discovered = loaded.communities
    .filter((c) => isDiscovered.has(`${c.feedId} ${c.id}`))
    .map((c) => {
      const view: DiscoveredCommunityView = {
        key: `${c.feedId}/${c.id}`,
        name: c.name,
        domain: c.domain,
        stage: c.stage,
        standing: c.standing,
        members: (byCommunity.get(`${c.feedId} ${c.id}`) ?? []).sort(
          (a, b) => ORDER[a.participation] - ORDER[b.participation] || a.name.localeCompare(b.name),
        ),
      };
      if (c.evidence) view.evidence = c.evidence;
      if (c.lastActivity) view.lastActivity = c.lastActivity;
      return view;
    })
    .sort(
      (a, b) =>
        (b.evidence?.commits ?? 0) - (a.evidence?.commits ?? 0) || a.name.localeCompare(b.name),
    );
  return { chartered, discovered };
}
