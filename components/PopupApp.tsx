// The popup (foundation version): where the data comes from, how much of it there is, and a
// search over people. The full peer finder builds on this.
import type { ConstellationDB } from '../lib/db/database';
import { dataStatus } from '../lib/db/queries';
import { DataSourceLine } from './DataSourceLine';
import { PeopleSearch } from './PeopleSearch';
import { useLiveQuery } from './useLiveQuery';

export function PopupApp({ db }: { db: ConstellationDB }) {
  const status = useLiveQuery(() => dataStatus(db), [db]);
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Constellation</h1>
        {status.status === 'ready' && <DataSourceLine status={status.value} />}
      </header>
      {status.status === 'error' && (
        <p role="alert" class="error">
          Could not read the local database: {status.error}
        </p>
      )}
      {status.status === 'ready' && (
        <>
          <dl class="counts" aria-label="Data loaded">
            <div>
              <dt>People</dt>
              <dd data-count="people">{status.value.counts.people}</dd>
            </div>
            <div>
              <dt>Communities</dt>
              <dd data-count="communities">{status.value.counts.communities}</dd>
            </div>
            <div>
              <dt>Memberships</dt>
              <dd data-count="memberships">{status.value.counts.memberships}</dd>
            </div>
          </dl>
          <PeopleSearch db={db} disabled={status.value.counts.people === 0} />
        </>
      )}
    </main>
  );
}
