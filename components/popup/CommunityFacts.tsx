// The facts that tell whether a community is a good place to go: stage, standing, whether it
// welcomes newcomers, members by participation, and how many units it spans.
import type { ConstellationDB } from '../../lib/db/database';
import { summarizeCommunities, type CommunitySummary } from '../../lib/db/finder';
import type { CommunityRow } from '../../lib/db/schema';
import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '../useLiveQuery';

/** A community's facts; its units and companies may be still unread (shown as "…"). */
export function CommunityFacts({
  summary,
}: {
  summary: Pick<CommunitySummary, 'community' | 'members'> &
    Partial<Pick<CommunitySummary, 'units' | 'companies'>>;
}) {
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
      · {units ? `${units.length} ${units.length === 1 ? 'unit' : 'units'}` : '… units'}
      {companies && companies.length > 1 ? ` · ${companies.length} companies` : ''}
    </span>
  );
}

/**
 * Facts of a search result wait until typing pauses this long: they read every member's row
 * (thousands for a large community), and read while the user types they would compete with
 * the next keystroke's search (docs/benchmarks.md, "Popup at 100,000 people").
 */
const FACTS_AFTER_PAUSE_MS = 300;

/**
 * The same facts for a search result, loaded after the row is shown (its line is reserved),
 * once the search box has not changed for `FACTS_AFTER_PAUSE_MS`. A community that stays in
 * the results while someone types ("i", "in", "inc"…) waits too: timing from its first
 * appearance instead let its member reads start mid-word and slow the next keystrokes.
 */
export function LazyCommunityFacts({
  db,
  community,
  typing = '',
}: {
  db: ConstellationDB;
  community: CommunityRow;
  /** The search box's text: every change restarts the wait. */
  typing?: string;
}) {
  const key = `${community.feedId}\u0000${community.id}`;
  const [settled, setSettled] = useState<string>();
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), FACTS_AFTER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key, typing]);
  const ready = settled === key;
  const state = useLiveQuery(
    async () => (ready ? summarizeCommunities(db, [community]) : []),
    // By key: each keystroke's search returns a fresh copy of the same row, which must not
    // read the members again (the live query still follows changes to the data).
    [db, key, ready],
  );
  if (state.status === 'ready' && state.value[0])
    return <CommunityFacts summary={state.value[0]} />;
  return (
    <span class="meta community-facts">
      {community.stage} · {community.standing} ·{' '}
      {community.openToNewcomers ? 'open to newcomers' : 'not open to newcomers'} · …
    </span>
  );
}
