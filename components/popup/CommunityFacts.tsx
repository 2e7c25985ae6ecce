// The facts that tell whether a community is a good place to go: stage, standing, whether it
// welcomes newcomers, members by participation, and how many units it spans.
import type { CommunitySummary } from '../../lib/db/finder';

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
