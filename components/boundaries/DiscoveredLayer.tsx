// "Discovered from shared work": the communities found in repository histories, shown apart
// from the chartered ones and labelled as such — candidates for boundary leaders to look at,
// each with the evidence it was found on and its members by participation.
import type { DiscoveredCommunityView } from '../../lib/boundaries/discovered';
import { DISCOVERED_BADGE, DISCOVERED_TITLE, discoveredOrigin } from '../../lib/discovered';
import './discovered.css';

const SHOWN_MEMBERS = 6;

export function DiscoveredLayer({
  communities,
}: {
  communities: readonly DiscoveredCommunityView[];
}) {
  if (communities.length === 0) return null;
  return (
    <section class="discovered-layer" aria-labelledby="discovered-heading" data-layer="discovered">
      <h2 id="discovered-heading">Discovered from shared work</h2>
      <p class="discovered-note">
        Found in the history of shared work (who changes the same things, how regularly), not
        declared or chartered by anyone: {communities.length}{' '}
        {communities.length === 1 ? 'candidate' : 'candidates'} for boundary leaders to look at.
      </p>
      <ul class="discovered-list">
        {communities.map((c) => (
          <li key={c.key} data-discovered={c.key}>
            <h3>
              {c.name}{' '}
              <span class="badge discovered-badge" title={DISCOVERED_TITLE}>
                {DISCOVERED_BADGE}
              </span>{' '}
              <span class="badge">{c.stage}</span>
            </h3>
            <p class="origin">{discoveredOrigin(c)}</p>
            <p>{c.domain}</p>
            {c.evidence && <p class="evidence">Evidence: {c.evidence.summary}</p>}
            <ul class="discovered-members" aria-label={`Members of ${c.name}`}>
              {c.members.slice(0, SHOWN_MEMBERS).map((m) => (
                <li key={m.name}>
                  <strong>{m.name}</strong> — {m.participation}
                  {m.boundary && ', boundary'}
                  {m.newcomer && ', newcomer'}
                  {m.evidence && <span class="evidence">: {m.evidence}</span>}
                </li>
              ))}
              {c.members.length > SHOWN_MEMBERS && (
                <li class="more">and {c.members.length - SHOWN_MEMBERS} more</li>
              )}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
