// A community's name as a button that selects it (used in every list of the view).
import type { BoundaryReport } from '../../lib/boundaries/report';

export function CommunityButton({
  report,
  community,
  onSelect,
}: {
  report: BoundaryReport;
  community: number;
  onSelect: (community: number) => void;
}) {
  const c = report.communities[community]!;
  return (
    <button type="button" class="link" data-community={c.key} onClick={() => onSelect(community)}>
      {c.name}
    </button>
  );
}
