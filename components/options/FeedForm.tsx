// Add or edit one feed. On save it asks for the feed origin's host permission (this runs in
// the click, so the browser accepts the request as a user gesture), then hands the checked
// feed to the caller.
import { useState } from 'preact/hooks';
import { requestFeedPermission } from '../../lib/browser/permissions';
import { parseFeedForm, type FeedFormErrors, type FeedFormInput } from '../../lib/feed/feed-form';
import type { FeedConfig } from '../../lib/settings';

export interface FeedFormProps {
  initial?: FeedConfig;
  configuredUrls: readonly string[];
  onSave: (feed: FeedConfig) => Promise<void>;
  onCancel: () => void;
}

const FIELDS: { name: keyof FeedFormInput; label: string; hint: string }[] = [
  { name: 'url', label: 'Feed URL', hint: 'https://… (http only for localhost and 127.0.0.1)' },
  { name: 'label', label: 'Name', hint: 'Shown in these options' },
  { name: 'intervalMinutes', label: 'Sync every (minutes)', hint: '5 to 10080' },
  {
    name: 'publicKey',
    label: 'Public key (optional)',
    hint: 'When set, every feed must be signed (<url>.sig)',
  },
];

export function FeedForm({ initial, configuredUrls, onSave, onCancel }: FeedFormProps) {
  const [input, setInput] = useState<FeedFormInput>({
    url: initial?.url ?? '',
    label: initial?.label ?? '',
    intervalMinutes: String(initial?.intervalMinutes ?? 60),
    publicKey: initial?.publicKey ?? '',
  });
  const [errors, setErrors] = useState<FeedFormErrors>({});
  const [notice, setNotice] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = parseFeedForm(input, configuredUrls, initial?.url);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    // permissions.request must run while the click's user activation lasts (Firefox: in the
    // same task), so it is the first await; an origin already granted resolves at once.
    const granted = await requestFeedPermission(result.feed.url).catch(() => false);
    if (!granted) {
      setNotice(
        `Constellation needs permission to read ${new URL(result.feed.url).origin} to sync this feed. The feed was not saved.`,
      );
      return;
    }
    await onSave(result.feed);
  };

  return (
    <form
      class="feed-form"
      onSubmit={(e) => void submit(e)}
      aria-label={initial ? 'Edit feed' : 'Add a feed'}
    >
      {FIELDS.map(({ name, label, hint }) => (
        <label key={name} class="field">
          <span>{label}</span>
          {name === 'publicKey' ? (
            <textarea
              name={name}
              rows={3}
              value={input[name]}
              onInput={(e) => setInput({ ...input, [name]: e.currentTarget.value })}
            />
          ) : (
            <input
              name={name}
              type="text"
              inputMode={name === 'intervalMinutes' ? 'numeric' : name === 'url' ? 'url' : 'text'}
              value={input[name]}
              disabled={name === 'url' && initial !== undefined}
              onInput={(e) => setInput({ ...input, [name]: e.currentTarget.value })}
              aria-invalid={errors[name] ? 'true' : undefined}
            />
          )}
          <small class={errors[name] ? 'error' : 'hint'}>{errors[name] ?? hint}</small>
        </label>
      ))}
      {notice && (
        <p role="alert" class="error">
          {notice}
        </p>
      )}
      <div class="buttons">
        <button type="submit">{initial ? 'Save' : 'Add feed'}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
