// The facts that tell whether a community is a good place to go: stage, standing, whether it
// welcomes newcomers, members by participation, and how many units it spans.
import type { ConstellationDB } from '../../lib/db/database';
import { summarizeCommunities, type CommunitySummary } from '../../lib/db/finder';
import type { CommunityRow } from '../../lib/db/schema';
import { useLiveQuery } from '../useLiveQuery';

export function CommunityFacts({ summary }: { summary: CommunitySummary }) {
  const { community, members, units, companies } = summary;
  return (
    <span class="meta community-facts">
      <span class={`stage stage-${community.stage}`}>{community.stage}</span> ·{' '}
      <span class="standing">{community.standing}</span> ·{' '}
      {community.openToNewcomers ? 'open to newcomers' : 'not open to newcomers'} ·{' '}
      <span
        aria-label={`${members.core} core, ${members.active} active, ${members.peripheral} peripheral members`}
      >
        {members.core} core / {members.active} active / {members.peripheral} peripheral
      </span>{' '}
      · {units.length} {units.length === 1 ? 'unit' : 'units'}
      {companies.length > 1 ? ` · ${companies.length} companies` : ''}
    </span>
  );
}

/** The same facts for a search result, loaded after the row is shown (its line is reserved). */
export function LazyCommunityFacts({
  db,
  community,
}: {
  db: ConstellationDB;
  community: CommunityRow;
}) {
  const state = useLiveQuery(() => summarizeCommunities(db, [community]), [db, community]);
  if (state.status === 'ready' && state.value[0])
    return <CommunityFacts summary={state.value[0]} />;
  return (
    <span class="meta community-facts">
      {community.stage} · {community.standing} ·{' '}
      {community.openToNewcomers ? 'open to newcomers' : 'not open to newcomers'} · …
    </span>
  );
}
