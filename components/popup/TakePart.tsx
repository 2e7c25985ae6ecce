// How to take part in a community from its edge: channels to read, meetings to join,
// shared artefacts to look at. Only safe URLs become links.
import type { CommunityRow } from '../../lib/db/schema';
import { safeHref } from '../../lib/links';

function Linked({ label, url }: { label: string; url?: string | undefined }) {
  const href = safeHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}

export function TakePart({ community }: { community: CommunityRow }) {
  const { channels, meetings, repertoire } = community;
  if (channels.length + meetings.length + repertoire.length === 0) return null;
  return (
    <div class="take-part">
      <h3>How to take part</h3>
      <ul class="plain">
        {channels.map((channel) => (
          <li key={`${channel.kind}-${channel.label}`}>
            <span class="meta">{channel.kind}:</span>{' '}
            <Linked label={channel.label} url={channel.url} />
          </li>
        ))}
        {meetings.map((meeting) => (
          <li key={meeting.title}>
            <span class="meta">meeting:</span> <Linked label={meeting.title} url={meeting.url} />
            {meeting.schedule && <span class="meta"> — {meeting.schedule}</span>}
          </li>
        ))}
        {repertoire.map((artefact) => (
          <li key={artefact.label}>
            <span class="meta">shared:</span> <Linked label={artefact.label} url={artefact.url} />
          </li>
        ))}
      </ul>
    </div>
  );
}
