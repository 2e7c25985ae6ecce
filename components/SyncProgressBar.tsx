// A running sync, as people see it: its phase in words ("Downloading 3.2 of 10.0 MB",
// "Writing 4,000 of 12,000 records") over a progress bar (indeterminate while the total is
// unknown), and "stalled" when a download stops receiving data. Shown in options per feed
// and in the popup; renders nothing when no sync of that feed runs.
import { progressView, type SyncProgressState } from '../lib/feed/progress';
import './sync-progress.css';

export function SyncProgressBar({
  state,
  now,
  label,
}: {
  state: SyncProgressState | undefined;
  now: number;
  label?: string;
}) {
  if (!state) return null;
  const view = progressView(state, now);
  return (
    <div
      class="sync-progress"
      role="status"
      data-phase={state.phase}
      data-stalled={view.stalled ? 'true' : 'false'}
    >
      <span class="sync-progress-text">
        {label ? `${label}: ` : ''}
        {view.text}
        {view.stalled ? '' : '…'}
      </span>
      {view.fraction !== undefined ? (
        <progress max={1} value={view.fraction} aria-label={view.text} />
      ) : (
        <progress aria-label={view.text} />
      )}
    </div>
  );
}
