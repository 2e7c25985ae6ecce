// How to take part in a community from its edge: channels to read, meetings to join,
// shared artefacts to look at. Only safe URLs become links, judged for the feed the community
// came from: links to this computer or a private network only from a feed served from
// loopback (lib/model/safe-url.ts), as on the cards.
import type { ConstellationDB } from '../../lib/db/database';
import { getFeed } from '../../lib/db/queries';
import type { CommunityRow } from '../../lib/db/schema';
import { safeHref } from '../../lib/links';
import { originOfFeed, type LinkOrigin } from '../../lib/model/safe-url';
import { useLiveQuery } from '../useLiveQuery';

function Linked(props: { label: string; url?: string | undefined; origin: LinkOrigin }) {
  const { label, url, origin } = props;
  const href = safeHref(url, origin);
  return href ? (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}

export function TakePart({ db, community }: { db: ConstellationDB; community: CommunityRow }) {
  const { channels, meetings, repertoire } = community;
  const feedOrigin = useLiveQuery(
    async () => originOfFeed((await getFeed(db, community.feedId))?.url),
    [db, community.feedId],
  );
  // Until the feed row is read, as strict as for a remote feed.
  const origin = feedOrigin.status === 'ready' ? feedOrigin.value : 'remote-feed';
  if (channels.length + meetings.length + repertoire.length === 0) return null;
  return (
    <div class="take-part">
      <h3>How to take part</h3>
      <ul class="plain">
        {channels.map((channel) => (
          <li key={`${channel.kind}-${channel.label}`}>
            <span class="meta">{channel.kind}:</span>{' '}
            <Linked label={channel.label} url={channel.url} origin={origin} />
          </li>
        ))}
        {meetings.map((meeting) => (
          <li key={meeting.title}>
            <span class="meta">meeting:</span>{' '}
            <Linked label={meeting.title} url={meeting.url} origin={origin} />
            {meeting.schedule && <span class="meta"> — {meeting.schedule}</span>}
          </li>
        ))}
        {repertoire.map((artefact) => (
          <li key={artefact.label}>
            <span class="meta">shared:</span>{' '}
            <Linked label={artefact.label} url={artefact.url} origin={origin} />
          </li>
        ))}
      </ul>
    </div>
  );
}
