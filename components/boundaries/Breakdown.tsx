// A breakdown of members by unit or company that never names a group below the privacy
// minimum: small groups are folded into one unnamed line.
import { formatGroupCount, type Breakdown } from '../../lib/boundaries/privacy';

export function BreakdownList({
  breakdown,
  label,
  otherLabel,
}: {
  breakdown: Breakdown;
  label: string;
  otherLabel: string;
}) {
  if (breakdown.shown.length === 0 && !breakdown.other) return <p class="muted">None recorded.</p>;
  return (
    <ul class="breakdown" aria-label={label}>
      {breakdown.shown.map((line) => (
        <li key={line.label}>
          <span>{line.label}</span> <span class="count">{formatGroupCount(line.count)}</span>
        </li>
      ))}
      {breakdown.other && (
        <li class="other" data-suppressed={breakdown.otherGroups}>
          <span>
            {otherLabel} ({breakdown.otherGroups})
          </span>{' '}
          <span class="count">{formatGroupCount(breakdown.other)}</span>
        </li>
      )}
    </ul>
  );
}
