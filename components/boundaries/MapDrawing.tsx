// The circles and lines of the constellation map. Rendered once per layout: the map keeps
// this component's element (same vnode) across selections, so Preact skips it entirely, and
// selection is shown by toggling classes on a few elements (see `markSelection`). Positions
// from the layout worker are written straight to the elements (see `moveElements`).
import type { RefObject } from 'preact';
import type { MapLayout } from '../../lib/boundaries/layout';
import type { MapModel } from '../../lib/boundaries/map-model';
import type { BoundaryReport } from '../../lib/boundaries/report';

/** Names always drawn for this many of the largest communities; the rest when zoomed in. */
const MAJOR_LABELS = 12;

interface Props {
  report: BoundaryReport;
  model: MapModel;
  layout: MapLayout;
  hits: ReadonlySet<number> | null;
  /** Zoomed in far enough to name every community (otherwise only the largest and hits). */
  allLabels: boolean;
  zoomGroup: RefObject<SVGGElement | null>;
}

export function MapDrawing({ report, model, layout, hits, allLabels, zoomGroup }: Props) {
  const facts = report.communities;
  const byCommunity = new Map(layout.nodes.map((n) => [n.community, n]));
  const major = new Set(
    [...layout.nodes]
      .sort((x, y) => facts[y.community]!.activeMembers - facts[x.community]!.activeMembers)
      .slice(0, MAJOR_LABELS)
      .map((n) => n.community),
  );
  const maxShared = Math.max(
    1,
    ...model.edges.filter((e) => e.kind === 'members').map((e) => e.weight),
  );
  return (
    <g data-zoom ref={zoomGroup}>
      <g class="edges">
        {model.edges.map((edge) => {
          const a = byCommunity.get(edge.a)!;
          const b = byCommunity.get(edge.b)!;
          return (
            <line
              key={`${edge.kind}-${edge.a}-${edge.b}`}
              class={`edge edge-${edge.kind}`}
              data-a={edge.a}
              data-b={edge.b}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              stroke-width={
                edge.kind === 'members'
                  ? 0.6 + 3.4 * Math.sqrt(edge.weight / maxShared)
                  : 0.6 + 0.4 * Math.min(edge.weight, 4)
              }
            />
          );
        })}
      </g>
      <g class="nodes">
        {layout.nodes.map((node) => {
          const c = facts[node.community]!;
          const classes = [
            'node',
            `stage-${c.stage}`,
            `standing-${c.standing}`,
            hits?.has(node.community) ? 'hit' : '',
            major.has(node.community) ? 'label-major' : '',
          ].join(' ');
          return (
            <g
              key={c.key}
              class={classes}
              data-index={node.community}
              data-community={c.key}
              transform={`translate(${node.x.toFixed(1)} ${node.y.toFixed(1)})`}
            >
              <title>
                {`${c.name} — ${c.stage}, ${c.standing}; ${c.activeMembers} core and active of ${c.members} members`}
              </title>
              {c.standing === 'transformative' && <circle class="ring" r={node.radius + 3} />}
              <circle class="dot" r={node.radius} />
              {/* Labels only where shown: a text element per circle doubles the drawing's size. */}
              {(allLabels || major.has(node.community) || hits?.has(node.community)) && (
                <text class="label" y={node.radius + 10}>
                  {c.name}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </g>
  );
}

/** Marks the selected community, its neighbours on the map and its lines. */
export function markSelection(
  svg: SVGSVGElement,
  selected: number | null,
  name: string | null,
): void {
  for (const element of svg.querySelectorAll('.selected, .neighbour, .edge-selected'))
    element.classList.remove('selected', 'neighbour', 'edge-selected');
  svg.querySelector('text.selection-label')?.remove();
  const node = selected === null ? null : svg.querySelector(`g.node[data-index="${selected}"]`);
  svg.classList.toggle('has-selection', node !== null);
  if (!node) return;
  node.classList.add('selected');
  if (!node.querySelector('text.label') && name) {
    // The selected community is always named, even where labels are not drawn.
    const label = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'text');
    label.setAttribute('class', 'label selection-label');
    const radius = Number(node.querySelector('circle.dot')?.getAttribute('r') ?? 0);
    label.setAttribute('y', String(radius + 10));
    label.textContent = name;
    node.appendChild(label);
  }
  const lines = svg.querySelectorAll<SVGLineElement>(
    `line[data-a="${selected}"], line[data-b="${selected}"]`,
  );
  for (const line of lines) {
    line.classList.add('edge-selected');
    const other = line.dataset.a === String(selected) ? line.dataset.b : line.dataset.a;
    svg.querySelector(`g.node[data-index="${other}"]`)?.classList.add('neighbour');
  }
}

/** Moves the drawn circles and lines to the layout's positions (same order as rendered). */
export function moveElements(svg: SVGSVGElement, layout: MapLayout, model: MapModel): void {
  const nodes = svg.querySelectorAll<SVGGElement>('g.nodes > g.node');
  const lines = svg.querySelectorAll<SVGLineElement>('g.edges > line');
  if (nodes.length !== layout.nodes.length || lines.length !== model.edges.length) return;
  const at = new Map<number, { x: number; y: number }>();
  layout.nodes.forEach((node, i) => {
    at.set(node.community, node);
    nodes[i]!.setAttribute('transform', `translate(${node.x.toFixed(1)} ${node.y.toFixed(1)})`);
  });
  model.edges.forEach((edge, i) => {
    const a = at.get(edge.a)!;
    const b = at.get(edge.b)!;
    const line = lines[i]!;
    line.setAttribute('x1', String(a.x));
    line.setAttribute('y1', String(a.y));
    line.setAttribute('x2', String(b.x));
    line.setAttribute('y2', String(b.y));
  });
}
