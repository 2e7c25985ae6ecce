// Options › Who you are: the identity the popup asked for on first run, shown and editable
// here — pick someone else, or forget it and stay anonymous. "Me" drives real colleagues,
// "outside my unit" and suggestions; it is local data, never synced.
import { useState } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import { getMe, setMe } from '../../lib/db/local';
import { personSummaries } from '../../lib/db/summaries';
import { getPerson } from '../../lib/db/queries';
import { saveIdentityChoice, type IdentityChoice } from '../identity-choice';
import { IdentityPrompt } from '../popup/IdentityPrompt';
import { useLiveQuery } from '../useLiveQuery';
import { DisplayText } from '../DisplayText';

export function IdentitySection({ db }: { db: ConstellationDB }) {
  const [changing, setChanging] = useState(false);
  const [announce, setAnnounce] = useState('');
  const current = useLiveQuery(async () => {
    const ref = await getMe(db);
    if (!ref) return { kind: 'anonymous' as const };
    const person = await getPerson(db, ref);
    // "Me" points at a person no feed has any more (feed removed or person left it).
    if (!person) return { kind: 'missing' as const, ref };
    const [summary] = await personSummaries(db, [person]);
    return { kind: 'person' as const, summary: summary! };
  }, [db]);

  const done = (choice: IdentityChoice) => {
    saveIdentityChoice(choice);
    setChanging(false);
    setAnnounce(choice === 'chosen' ? 'Saved who you are.' : 'You are anonymous now.');
  };
  const forget = async () => {
    await setMe(db, undefined);
    done('anonymous');
  };

  if (current.status === 'loading') return <p>Loading…</p>;
  if (current.status === 'error')
    return (
      <p role="alert" class="error">
        Could not read who you are: {current.error}
      </p>
    );
  const value = current.value;
  return (
    <div class="identity-section">
      <p data-identity={value.kind}>
        {value.kind === 'person' ? (
          <>
            You are{' '}
            <strong>
              <DisplayText value={value.summary.name} />
            </strong>
            {[value.summary.title, value.summary.unitName, value.summary.company]
              .filter(Boolean)
              .map((part) => ` · ${part}`)}
            .
          </>
        ) : value.kind === 'missing' ? (
          <>
            You chose a person (<code>{value.ref.id}</code>) that no loaded feed has any more; pick
            yourself again or stay anonymous.
          </>
        ) : (
          'You are anonymous: the popup shows no "your colleague" hints, and "outside my unit" has no unit to compare with.'
        )}
      </p>
      <p class="hint">
        This choice stays in this browser, like the rest of your own data. It tells the popup who
        your real colleagues are (people who share a community with you) and which people are
        outside your unit.
      </p>
      {changing ? (
        <IdentityPrompt db={db} onDone={done} headingLevel={3} />
      ) : (
        <div class="buttons">
          <button type="button" onClick={() => setChanging(true)}>
            {value.kind === 'person' ? 'Choose someone else' : 'Choose who you are'}
          </button>
          {value.kind !== 'anonymous' && (
            <button type="button" onClick={() => void forget()}>
              Forget who I am
            </button>
          )}
        </div>
      )}
      <p role="status" class="hint">
        {announce}
      </p>
    </div>
  );
}
