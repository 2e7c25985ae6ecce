// "Who are you?": pick yourself from the directory, or stay anonymous. "Me" drives real
// colleagues (people who share a community with me), "outside my unit", and suggestions.
// Used on the popup's first run and in the options page.
import { useState } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import { setMe } from '../../lib/db/local';
import { searchPeople } from '../../lib/db/search';
import { personSummaries } from '../../lib/db/summaries';
import type { IdentityChoice } from '../identity-choice';
import { useLiveQuery } from '../useLiveQuery';
import { DisplayText } from '../DisplayText';

export function IdentityPrompt(props: {
  db: ConstellationDB;
  onDone(choice: IdentityChoice): void;
  headingLevel?: 2 | 3;
  /**
   * The popup's first-run form: one line (the question, the name box, "Stay anonymous") that
   * grows into the list of matching people only while a name is typed, so the search box
   * and the popup's sections stay on the first screen (issue 17).
   */
  compact?: boolean;
}) {
  const { db } = props;
  const [query, setQuery] = useState('');
  const people = useLiveQuery(
    async () =>
      query.trim() ? personSummaries(db, await searchPeople(db, query, { limit: 6 })) : [],
    [db, query],
  );
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const why =
    'Pick yourself to see your real colleagues and people outside your unit. This stays in this browser.';
  const stayAnonymous = (
    <button
      type="button"
      class="secondary"
      onClick={() => void setMe(db, undefined).then(() => props.onDone('anonymous'))}
    >
      Stay anonymous
    </button>
  );
  const matches = (
    <ul
      class="plain identity-results"
      aria-label="People matching your search"
      hidden={props.compact && !query.trim()}
    >
      {people.status === 'ready' &&
        people.value.map((person) => (
          <li key={`${person.feedId}/${person.id}`}>
            <button
              type="button"
              class="link"
              data-person={person.id}
              onClick={() =>
                void setMe(db, { feedId: person.feedId, id: person.id }).then(() =>
                  props.onDone('chosen'),
                )
              }
            >
              This is me: <DisplayText value={person.name} />
            </button>
            <span class="meta">
              {' '}
              {[person.title, person.unitName, person.company].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
    </ul>
  );
  const input = (
    <input
      id="identity-input"
      type="search"
      autocomplete="off"
      value={query}
      placeholder={props.compact ? 'Your name, email or handle' : undefined}
      aria-describedby={props.compact ? 'identity-why' : undefined}
      onInput={(event) => setQuery(event.currentTarget.value)}
    />
  );
  if (props.compact) {
    return (
      <section class="identity compact" aria-labelledby="identity-title">
        <div class="identity-line">
          <Heading id="identity-title">Who are you?</Heading>
          <label for="identity-input" class="visually-hidden">
            Your name, email or handle
          </label>
          {input}
          {stayAnonymous}
        </div>
        <p id="identity-why" class="hint" hidden={!query.trim()}>
          {why}
        </p>
        {matches}
      </section>
    );
  }
  return (
    <section class="identity" aria-labelledby="identity-title">
      <Heading id="identity-title">Who are you?</Heading>
      <p class="hint">{why}</p>
      <label for="identity-input">Your name, email or handle</label>
      {input}
      {matches}
      {stayAnonymous}
    </section>
  );
}
