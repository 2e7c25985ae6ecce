// Search box over people (names, aliases, emails, logins), answered from the local database.
import { useState } from 'preact/hooks';
import type { ConstellationDB } from '../lib/db/database';
import { searchPeople } from '../lib/db/search';
import { personSummaries } from '../lib/db/summaries';
import { useLiveQuery } from './useLiveQuery';

export function PeopleSearch({ db, disabled }: { db: ConstellationDB; disabled: boolean }) {
  const [query, setQuery] = useState('');
  const results = useLiveQuery(
    async () =>
      query.trim() ? personSummaries(db, await searchPeople(db, query, { limit: 10 })) : [],
    [db, query],
  );
  const people = results.status === 'ready' ? results.value : [];
  return (
    <section class="search" aria-label="Find people">
      <label for="people-search">Search people</label>
      <input
        id="people-search"
        type="search"
        autocomplete="off"
        placeholder="Name, email or handle"
        value={query}
        disabled={disabled}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <p class="result-count" aria-live="polite">
        {query.trim() && results.status === 'ready'
          ? people.length === 0
            ? `No one matches “${query.trim()}”.`
            : `${people.length} ${people.length === 1 ? 'person' : 'people'}`
          : ''}
      </p>
      <ul class="results" aria-label="People found">
        {people.map((person) => (
          <li key={`${person.feedId}/${person.id}`} data-person={person.id}>
            <span class="name">{person.name}</span>
            {person.title && <span class="title">{person.title}</span>}
            <span class="where">
              {[person.unitName, person.company].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
