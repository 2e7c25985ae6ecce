// The circles and lines of the constellation map. Rendered once per layout: the map keeps
// this component's element (same vnode) across selections, so Preact skips it entirely, and
// selection is shown by toggling classes on a few elements (see `markSelection`). Positions
// from the layout worker are written straight to the elements (see `moveElements`).
import type { MapLayout } from '../../lib/boundaries/layout';
import type { MapModel } from '../../lib/boundaries/map-model';
import type { BoundaryReport } from '../../lib/boundaries/report';
import { placeLabels } from '../../lib/boundaries/labels';

/** The names' size in map units at zoom 1 (the drawing scales with the zoom). */
export const LABEL_SIZE = 11;

interface Props {
  report: BoundaryReport;
  model: MapModel;
  layout: MapLayout;
  hits: ReadonlySet<number> | null;
}

export function MapDrawing({ report, model, layout, hits }: Props) {
  const facts = report.communities;
  const byCommunity = new Map(layout.nodes.map((n) => [n.community, n]));
  const maxShared = Math.max(
    1,
    ...model.edges.filter((e) => e.kind === 'members').map((e) => e.weight),
  );
  return (
    <g class="drawing">
      <g class="edges">
        {model.edges.map((edge) => {
          const a = byCommunity.get(edge.a)!;
          const b = byCommunity.get(edge.b)!;
          // Thinned by strength: a weak link is a faint hairline, so the strong ones read as
          // the structure instead of a tangle.
          const strength = edge.kind === 'members' ? Math.sqrt(edge.weight / maxShared) : 0.25;
          return (
            <line
              key={`${edge.kind}-${edge.a}-${edge.b}`}
              stroke-opacity={(0.08 + 0.5 * strength).toFixed(2)}
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
          ].join(' ');
          return (
            <g
              key={c.key}
              class={classes}
              data-index={node.community}
              data-community={c.key}
              transform={`translate(${node.x.toFixed(1)} ${node.y.toFixed(1)})`}
            >
              {/* The tooltip is added on hover (showTooltip): one per circle doubled the drawing. */}
              {c.standing === 'transformative' && <circle class="ring" r={node.radius + 3} />}
              <circle class="dot" r={node.radius} />
              {/* Names are added once the layout settles, where they fit: see drawLabels. */}
            </g>
          );
        })}
      </g>
    </g>
  );
}

/**
 * Writes the names that fit (lib/boundaries/labels.ts) once the layout has settled: search
 * hits first, then the largest communities. `scale` is the zoom: names keep their size on
 * screen, so zooming in makes room for more. Only placed names get a text element (a text
 * per circle would double the drawing at 500 communities).
 */
export function drawLabels(
  svg: SVGSVGElement,
  report: BoundaryReport,
  layout: MapLayout,
  hits: ReadonlySet<number> | null,
  scale: number,
): number {
  for (const text of svg.querySelectorAll('text.label.placed')) text.remove();
  const facts = report.communities;
  const size = LABEL_SIZE / Math.max(1, scale);
  const placed = placeLabels(
    layout.nodes.map((n) => ({
      community: n.community,
      x: n.x,
      y: n.y,
      radius: n.radius,
      text: facts[n.community]!.name,
      priority: (hits?.has(n.community) ? 1e9 : 0) + facts[n.community]!.activeMembers,
    })),
    { fontSize: size },
  );
  for (const label of placed) {
    const node = svg.querySelector(`g.node[data-index="${label.community}"]`);
    if (!node || node.querySelector('text.selection-label')) continue;
    const text = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'text');
    text.setAttribute('class', 'label placed');
    text.setAttribute('x', label.dx.toFixed(1));
    text.setAttribute('y', label.dy.toFixed(1));
    // Inline style: the stylesheet's text-anchor and font-size would win over attributes.
    text.style.textAnchor = label.anchor;
    text.style.fontSize = `${size}px`;
    text.textContent = facts[label.community]!.name;
    node.appendChild(text);
  }
  return placed.length;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Gives the circle under the pointer its tooltip (name, stage, standing, size). */
export function showTooltip(target: EventTarget | null, report: BoundaryReport): void {
  const node = target instanceof Element ? target.closest('g.node[data-index]') : null;
  if (!node || node.querySelector(':scope > title')) return;
  const svg = node.closest('svg');
  svg?.querySelector('g.node > title')?.remove();
  const c = report.communities[Number(node.getAttribute('data-index'))];
  if (!c) return;
  const title = node.ownerDocument.createElementNS(SVG_NS, 'title');
  title.textContent = `${c.name} — ${c.stage}, ${c.standing}; ${c.activeMembers} core and active of ${c.members} members`;
  node.insertBefore(title, node.firstChild);
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
