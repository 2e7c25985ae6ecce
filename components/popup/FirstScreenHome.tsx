// The popup's home screen as its first script paints it (entrypoints/popup/main.tsx), before
// Dexie and the full popup have loaded: the views PopupApp renders (PopupHome.tsx) over the
// first screen read without Dexie (lib/db/first-screen-raw.ts), so the full popup's first
// render gives the same DOM. What the user does meanwhile — typing, a tab, "change" — is
// handed to the full popup (`onHome`), which searches what was typed once it has loaded.
import { useLayoutEffect, useState } from 'preact/hooks';
import type { FirstScreen } from '../../lib/db/viewer';
import { readIdentityChoice } from '../identity-choice';
import { markFirstUsefulPaint } from './first-paint';
import { BusyLine, FinderFrame, HomeTabs, PopupHeader, type HomeState } from './PopupHome';

export const FIRST_HOME: HomeState = { query: '', tab: 'find', askIdentity: false };

/**
 * Whether this screen is the full popup's first screen: not when there is no data yet, nor
 * when the popup first asks who I am (that form searches the directory: it waits for Dexie).
 */
export function showsAlone(first: FirstScreen): boolean {
  return first.status.counts.people > 0 && (!!first.viewer.me || readIdentityChoice() !== null);
}

export function FirstScreenHome(props: { first: FirstScreen; onHome(home: HomeState): void }) {
  const [home, setHome] = useState(FIRST_HOME);
  const update = (next: Partial<HomeState>) =>
    setHome((current) => {
      const merged = { ...current, ...next };
      props.onHome(merged);
      return merged;
    });
  // Runs before the frame is painted, as PopupApp's mark does (see there).
  useLayoutEffect(markFirstUsefulPaint, []);
  const { status, me } = props.first;
  const typed = home.query.trim() !== '';
  return (
    <main class="popup">
      <PopupHeader
        status={status}
        me={me}
        compact={false}
        askIdentity={home.askIdentity}
        onAskIdentity={(askIdentity) => update({ askIdentity })}
      />
      {/* As PopupApp: typing shows the results' place (filled once the popup has loaded). */}
      <FinderFrame
        query={home.query}
        onQuery={(query) => update(query.trim() ? { query, tab: 'find' } : { query })}
        expanded={false}
        countLine=""
        countHidden={!typed}
        resultsFor=""
      />
      {!typed && (
        <HomeTabs
          tab={home.tab}
          onTab={(tab) => update({ tab })}
          participate={() => <BusyLine />}
        />
      )}
    </main>
  );
}
