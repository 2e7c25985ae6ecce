// The map's communities for the keyboard and screen readers: a canvas is one picture to them,
// so every community on the map is also a button in a group after it, largest first, named
// with what the circle's tooltip says and pressed when selected. One tab stop: arrow keys,
// Home and End move between the buttons, Enter or Space selects, and the focused community is
// ringed and named on the canvas, so a sighted keyboard user sees where they are. The list is
// out of sight (boundaries.css; the canvas shows the same); the Table tab lists every community.
import type { TargetedFocusEvent, TargetedKeyboardEvent } from 'preact';
import type { MapModel } from '../../lib/boundaries/map-model';
import type { BoundaryReport } from '../../lib/boundaries/report';

/** The circle's tooltip and the button's name: name, stage, standing, size. */
export function communitySummary(report: BoundaryReport, community: number): string {
  const c = report.communities[community]!;
  return `${c.name} — ${c.stage}, ${c.standing}; ${c.activeMembers} core and active of ${c.members} members`;
}

interface Props {
  report: BoundaryReport;
  model: MapModel;
  hits: ReadonlySet<number> | null;
  onSelect: (community: number) => void;
  onFocusCommunity: (community: number | null) => void;
}

/** Rendered once per map model; the selection is marked by `markListSelection`. */
export function MapCommunityList({ report, model, hits, onSelect, onFocusCommunity }: Props) {
  const move = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const steps: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowRight: at + 1,
      ArrowUp: at - 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    const next = steps[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, next))]!;
    for (const button of buttons) button.tabIndex = button === target ? 0 : -1;
    target.focus();
  };
  const focused = (event: TargetedFocusEvent<HTMLDivElement>) => {
    const index = (event.target as HTMLElement).dataset.index;
    onFocusCommunity(index === undefined ? null : Number(index));
  };
  return (
    <div
      role="group"
      class="map-communities"
      aria-label={`Communities on the map (${model.nodes.length}): arrow keys move, Enter selects`}
      onKeyDown={move}
      onFocusIn={focused}
      onFocusOut={() => onFocusCommunity(null)}
    >
      {model.nodes.map((node, i) => {
        const c = report.communities[node.community]!;
        return (
          // Keyed by place, not by community: a search or filter then rewrites the text and
          // attributes of the buttons already there instead of making hundreds of new ones.
          <button
            key={i}
            type="button"
            class={hits?.has(node.community) ? 'node hit' : 'node'}
            data-index={node.community}
            data-community={c.key}
            tabIndex={i === 0 ? 0 : -1}
            aria-pressed="false"
            onClick={() => onSelect(node.community)}
          >
            {communitySummary(report, node.community) +
              (hits?.has(node.community) ? '; matches the search' : '')}
          </button>
        );
      })}
    </div>
  );
}

/**
 * Marks the selected community's button pressed (and only it), without a re-render, and keeps
 * one tab stop: the arrow keys move it, and a shorter list may have dropped its button.
 */
export function markListSelection(list: Element | null, selected: number | null): void {
  if (!list) return;
  const first = list.querySelector<HTMLButtonElement>('button.node');
  if (first && !list.querySelector('button.node[tabindex="0"]')) first.tabIndex = 0;
  for (const button of list.querySelectorAll('button[aria-pressed="true"]'))
    button.setAttribute('aria-pressed', 'false');
  if (selected !== null)
    list.querySelector(`button[data-index="${selected}"]`)?.setAttribute('aria-pressed', 'true');
}
