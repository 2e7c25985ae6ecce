// A community discovered from shared work, as the popup shows it wherever it appears (search
// results, a community's detail, take-part suggestions, a person's communities): a
// "discovered" badge, one sentence on where and when it was found and that nobody chartered
// it, and the evidence the feed carries (lib/discovered.ts has the words).
import type { Evidence } from '../../lib/model/feed';
import {
  DISCOVERED_BADGE,
  DISCOVERED_TITLE,
  discoveredOrigin,
  evidenceLine,
  isDiscovered,
} from '../../lib/discovered';

interface DiscoverableCommunity {
  discovered?: boolean | undefined;
  standing: string;
  evidence?: Evidence | undefined;
}

export function DiscoveredBadge({ community }: { community: DiscoverableCommunity }) {
  if (!isDiscovered(community)) return null;
  return (
    <span class="discovered-tag" title={DISCOVERED_TITLE} data-discovered-badge>
      {DISCOVERED_BADGE}
    </span>
  );
}

/**
 * Where and when it was found, and its evidence — by default the community's own; a person's
 * membership passes the evidence of their part in it instead.
 */
export function DiscoveredNote({
  community,
  evidence = community.evidence,
}: {
  community: DiscoverableCommunity;
  evidence?: Evidence | undefined;
}) {
  if (!isDiscovered(community)) return null;
  const line = evidenceLine(evidence);
  return (
    <span class="discovered-info" data-discovered-note>
      <span class="discovered-origin">{discoveredOrigin(community)}</span>
      {line && (
        <>
          {' '}
          <span class="evidence">{line}</span>
        </>
      )}
    </span>
  );
}
