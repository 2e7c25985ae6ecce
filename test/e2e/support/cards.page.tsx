// A test page for axe (issue 17): the hovercards as the background builds them from the demo
// organisation in this page's real IndexedDB, rendered by the shipped card component into an
// *open* shadow root with the shipped card styles. On demo pages the cards live in closed
// shadow roots, which axe cannot enter; this page shows axe the same markup and styles.
import { render } from 'preact';
import { annotateCommunityCard } from '../../../lib/background/community-card';
import { annotatePersonCard, annotateTopicCard } from '../../../lib/background/annotate';
import { ConstellationDB } from '../../../lib/db/database';
import { replaceFeed } from '../../../lib/db/ingest';
import { setMe } from '../../../lib/db/local';
import type { CardState } from '../../../lib/annotate/hovercard-controller';
import type { Theme } from '../../../lib/annotate/hosts';
import { validateFeedText } from '../../../lib/model/validate';
import { Hovercard } from '../../../components/hovercard/Hovercard';
import { HOVERCARD_CSS } from '../../../components/hovercard/styles';

const FEED = 'demo-northwind';

/**
 * Ingests the demo feed (fetched from `feedUrl`), builds the cards, and installs
 * `showCard(name, theme)` and `cardStates` (the names of the states) on the page.
 */
export async function prepareCards(feedUrl: string): Promise<string[]> {
  const parsed = validateFeedText(await (await fetch(feedUrl)).text());
  if (!parsed.ok) throw new Error(parsed.error.reason);
  const db = new ConstellationDB('cards-axe');
  await replaceFeed(db, parsed.feed, { source: 'demo' });
  const ref = (id: string) => ({ feedId: FEED, id });
  const states: Record<string, CardState> = {
    loading: { status: 'loading' },
    error: { status: 'error', error: 'The card could not be loaded: no person p-x in feed demo.' },
    'person (anonymous)': {
      status: 'ready',
      card: await annotatePersonCard(db, ref('p-fatima-al-sayed')),
    },
    'topic (anonymous)': { status: 'ready', card: await annotateTopicCard(db, ref('t-python')) },
  };
  // Identified: shared communities, "mine" and the viewer's own participation appear.
  await setMe(db, ref('p-emre-demir'));
  states['person (identified)'] = {
    status: 'ready',
    card: await annotatePersonCard(db, ref('p-fatima-al-sayed')),
  };
  states['topic (identified)'] = {
    status: 'ready',
    card: await annotateTopicCard(db, ref('t-machine-learning')),
  };
  states.community = { status: 'ready', card: await annotateCommunityCard(db, ref('c-sre')) };

  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = HOVERCARD_CSS;
  const container = document.createElement('div');
  root.append(style, container);
  document.body.append(host);
  Object.assign(globalThis, {
    cardStates: Object.keys(states),
    showCard(name: string, theme: Theme): void {
      const state = states[name];
      if (!state) throw new Error(`no card state "${name}"`);
      render(null, container);
      render(
        <Hovercard
          state={state}
          theme={theme}
          position={{ top: 8, left: 8 }}
          focus={false}
          onClose={() => undefined}
        />,
        container,
      );
    },
  });
  return Object.keys(states);
}
