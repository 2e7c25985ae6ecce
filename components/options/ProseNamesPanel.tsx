// Options › Sites › "Full names in page text": the off-by-default option that marks exact
// full names of people in the directory anywhere in a page's prose, not only where the page
// presents a person (links, bylines, author fields). Says what it does, what it costs in
// wrong badges (measured on saved real pages, docs/annotation.md) and what stays private.
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, updateSettings } from '../../lib/browser/extension';
import { marksNamesInProse } from '../../lib/settings';

export function ProseNamesPanel() {
  const [enabled, setEnabled] = useState<boolean | undefined>();
  const [error, setError] = useState('');
  useEffect(() => {
    loadSettings()
      .then((settings) => setEnabled(marksNamesInProse(settings)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  // The switch follows the click at once; a failed save puts it back and says why.
  const toggle = async (on: boolean) => {
    setError('');
    const before = enabled;
    setEnabled(on);
    try {
      await updateSettings({ namesInProse: on });
    } catch (e) {
      setEnabled(before);
      setError(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div class="prose-names">
      <h3 id="prose-names-title">Full names in page text</h3>
      <p>
        Constellation marks people where a page presents them: profile links, avatars, bylines,
        author fields, signatures. With this on, it also marks a person&apos;s exact full name
        anywhere in an article or comment — two words or more, as the directory spells it (accents
        and case aside), and only a name that belongs to exactly one person. First names alone are
        never marked. Expect an occasional wrong badge when someone outside your organisation shares
        a colleague&apos;s full name. Page text still never leaves your browser: the page gets only
        scrambled (hashed) forms of the directory&apos;s names to compare with.
      </p>
      <label class="toggle">
        <input
          type="checkbox"
          aria-describedby="prose-names-title"
          checked={enabled ?? false}
          disabled={enabled === undefined}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />{' '}
        Mark full names anywhere in page text (takes effect on pages opened afterwards)
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
