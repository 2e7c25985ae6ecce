// Options › Your data › Topics of pages you read: the local suggestion signal for "where can
// I take part?". Shows what is remembered, forgets it on request, and turns it off (which
// also forgets what was remembered: off means nothing about your reading is kept).
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, updateSettings } from '../../lib/browser/extension';
import type { ConstellationDB } from '../../lib/db/database';
import { clearTopicVisits, visitedTopicsWithLabels } from '../../lib/db/visits';
import { remembersVisitedTopics } from '../../lib/settings';
import { useLiveQuery } from '../useLiveQuery';

const SHOWN = 12;

export function VisitedTopicsPanel({ db }: { db: ConstellationDB }) {
  const [enabled, setEnabled] = useState<boolean | undefined>();
  const [error, setError] = useState('');
  useEffect(() => {
    loadSettings()
      .then((settings) => setEnabled(remembersVisitedTopics(settings)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const remembered = useLiveQuery(() => visitedTopicsWithLabels(db, SHOWN), [db]);

  // The switch follows the click at once: a re-render while the save is pending (forgetting
  // the topics wakes the live query) must not flip it back. A failed save restores it.
  const toggle = async (on: boolean) => {
    setError('');
    const before = enabled;
    setEnabled(on);
    try {
      await updateSettings({ rememberVisitedTopics: on });
      if (!on) await clearTopicVisits(db);
    } catch (e) {
      setEnabled(before);
      setError(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const total = remembered.status === 'ready' ? remembered.value.total : 0;
  return (
    <div class="visited-topics">
      <h3 id="visited-topics-title">Topics of pages you read</h3>
      <p>
        On sites where annotation is on, Constellation can remember which of your organisation's
        topics the pages you read are about (never the pages or their addresses, never in private
        windows), to suggest communities under “Take part”. It stays in this browser and is not part
        of the export.
      </p>
      <label class="toggle">
        <input
          type="checkbox"
          checked={enabled ?? false}
          disabled={enabled === undefined}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />{' '}
        Remember topics of pages I read (turning this off also forgets them)
      </label>
      <p data-visited-count={total}>
        {total === 0
          ? 'Nothing remembered.'
          : `Remembered: ${total} topic${total === 1 ? '' : 's'}`}
        {remembered.status === 'ready' && remembered.value.shown.length > 0 && (
          <>
            {' — '}
            {remembered.value.shown
              .map((v) => `${v.label} (${v.days} day${v.days === 1 ? '' : 's'})`)
              .join(', ')}
            {total > SHOWN && ', …'}
          </>
        )}
      </p>
      {total > 0 && (
        <button type="button" onClick={() => void clearTopicVisits(db)}>
          Forget these topics
        </button>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
