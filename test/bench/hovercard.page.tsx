// Hovercard open in a real page (issue 13): the card as shipped — Preact rendering into a
// plain <div> with a *closed* shadow root (components/hovercard/mount.tsx) — against the same
// card rendered into an open shadow root (what it was before), alternated, each sample a
// render plus the layout it forces. The card is a real person card with several communities.
import { render } from 'preact';
import { createHovercardUi } from '../../components/hovercard/mount';
import { Hovercard } from '../../components/hovercard/Hovercard';
import { HOVERCARD_CSS } from '../../components/hovercard/styles';
import type { PersonCard } from '../../lib/annotate/cards';
import type { CardState } from '../../lib/annotate/hovercard-controller';
import { median } from '../../lib/stats';

export interface HovercardResult {
  closedMs: number;
  openMs: number;
  samples: number;
}

const CARD: PersonCard = {
  kind: 'person',
  feedId: 'bench',
  id: 'p-bench',
  name: 'Zoë Okafor',
  title: 'Staff Engineer',
  unitName: 'Data Platform',
  company: 'Northwind Mutual',
  isMe: false,
  viewerKnown: true,
  demo: false,
  communities: Array.from({ length: 8 }, (_, i) => ({
    feedId: 'bench',
    id: `c-${i}`,
    name: `Community of practice ${i}`,
    stage: 'active',
    standing: 'legitimized',
    participation: i % 3 === 0 ? 'core' : 'active',
    roles: i % 2 === 0 ? ['day-to-day'] : [],
    shared: i % 4 === 0,
  })),
};

export async function runHovercardBench(runs: number): Promise<HovercardResult> {
  const anchor = document.createElement('a');
  anchor.textContent = 'zoe';
  document.body.append(anchor);
  const state: CardState = { status: 'ready', card: CARD };
  const options = { theme: 'light' as const, focus: false, onClose: () => undefined };

  // Closed root, as shipped.
  const ui = createHovercardUi(document);
  // Open root with the same CSS and component: the baseline.
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = HOVERCARD_CSS;
  const container = document.createElement('div');
  root.append(style, container);
  document.documentElement.append(host);

  const closed: number[] = [];
  const open: number[] = [];
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (let i = 0; i < runs + 3; i++) {
    let start = performance.now();
    ui.show(anchor, state, options);
    void document.documentElement.offsetHeight;
    const closedTime = performance.now() - start;
    ui.hide();
    await frame();
    start = performance.now();
    render(
      <Hovercard
        state={state}
        theme="light"
        position={{ top: 10, left: 10 }}
        focus={false}
        onClose={() => undefined}
      />,
      container,
    );
    void document.documentElement.offsetHeight;
    const openTime = performance.now() - start;
    render(null, container);
    await frame();
    if (i >= 3) {
      closed.push(closedTime);
      open.push(openTime);
    }
  }
  ui.destroy();
  host.remove();
  return { closedMs: median(closed), openMs: median(open), samples: runs };
}
