// The circles and lines of the constellation map. Rendered once per layout: the map keeps
// this component's element (same vnode) across selections, so Preact skips it entirely, and
// selection is shown by toggling classes on a few elements (see `markSelection`). Positions
// from the layout worker are written straight to the elements (see `moveElements`).
import type { MapLayout } from '../../lib/boundaries/layout';
import type { MapModel } from '../../lib/boundaries/map-model';
import type { BoundaryReport } from '../../lib/boundaries/report';
import { placeLabels } from '../../lib/boundaries/labels';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The names' size on screen, in pixels, at any map size and zoom. */
export const LABEL_SIZE = 12;

/**
 * How many of the first names may lie over smaller circles (labels.ts `landmarks`), on maps of
 * more than LANDMARKS_FROM communities; a smaller map has room beside its circles (the layout
 * leaves it), where a name is never mistaken for a neighbour's.
 */
const LANDMARK_NAMES = 12;
const LANDMARKS_FROM = 100;

/**
 * Map units per screen pixel at zoom 1: the viewBox is fitted into the element
 * (`preserveAspectRatio` meet), so the larger of the two ratios applies. 1 while the element
 * is not laid out (a hidden tab).
 */
export function unitsPerPixel(svg: SVGSVGElement): number {
  const box = svg.viewBox.baseVal;
  const width = svg.clientWidth;
  const height = svg.clientHeight;
  if (!box || width === 0 || height === 0 || box.width === 0) return 1;
  return Math.max(box.width / width, box.height / height);
}

interface Props {
  report: BoundaryReport;
  model: MapModel;
  layout: MapLayout;
  hits: ReadonlySet<number> | null;
}

export function MapDrawing({ report, model, layout, hits }: Props) {
  const facts = report.communities;
  const byCommunity = new Map(layout.nodes.map((n) => [n.community, n]));
  const strongest = Math.max(
    Number.MIN_VALUE,
    ...model.edges.filter((e) => e.kind === 'members').map((e) => e.strength),
  );
  return (
    <g class="drawing">
      <g class="edges">
        {model.edges.map((edge) => {
          const a = byCommunity.get(edge.a)!;
          const b = byCommunity.get(edge.b)!;
          // Thinned by strength: a weak link is a faint hairline, so the strong ones read as
          // the structure instead of a tangle.
          const strength = edge.kind === 'members' ? Math.sqrt(edge.strength / strongest) : 0.25;
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
                  ? 0.6 + 3.4 * strength
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
      <g class="labels" />
    </g>
  );
}

/**
 * Writes the names that fit (lib/boundaries/labels.ts) once the layout has settled: search
 * hits first, then the largest communities. `zoom` is the zoom level: names keep their size on
 * screen (LABEL_SIZE px, whatever the number of communities), so zooming in makes room for
 * more. Only placed names get a text element (a text per circle would double the drawing at
 * 500 communities).
 */
export function drawLabels(
  svg: SVGSVGElement,
  report: BoundaryReport,
  layout: MapLayout,
  hits: ReadonlySet<number> | null,
  zoom: number,
): number {
  for (const text of svg.querySelectorAll('text.label.placed')) text.remove();
  const facts = report.communities;
  const size = (LABEL_SIZE * unitsPerPixel(svg)) / Math.max(1, zoom);
  // The selection's name (markSelection) and the names' halo follow the same size.
  svg.style.setProperty('--label-size', `${size.toFixed(2)}px`);
  const box = svg.viewBox.baseVal;
  const placed = placeLabels(
    layout.nodes.map((n) => ({
      community: n.community,
      x: n.x,
      y: n.y,
      radius: n.radius,
      text: facts[n.community]!.name,
      priority: (hits?.has(n.community) ? 1e9 : 0) + facts[n.community]!.activeMembers,
    })),
    {
      fontSize: size,
      landmarks: layout.nodes.length > LANDMARKS_FROM ? LANDMARK_NAMES : 0,
      ...(box && box.width > 0
        ? { frame: { x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height } }
        : {}),
    },
  );
  // Names go in one layer above every circle: a landmark name lies over smaller circles, and
  // a name inside its own circle's group would be painted under circles drawn after it.
  const layer = svg.querySelector('g.labels');
  if (!layer) return 0;
  const at = new Map(layout.nodes.map((n) => [n.community, n]));
  const named = svg.querySelector('text.selection-label')?.getAttribute('data-index');
  for (const label of placed) {
    const node = at.get(label.community);
    if (!node || String(label.community) === named) continue;
    const text = svg.ownerDocument.createElementNS(SVG_NS, 'text');
    text.setAttribute('class', label.landmark ? 'label placed landmark' : 'label placed');
    text.setAttribute('data-index', String(label.community));
    text.setAttribute('x', (node.x + label.dx).toFixed(1));
    text.setAttribute('y', (node.y + label.dy).toFixed(1));
    // Inline style: the stylesheet's text-anchor would win over the attribute.
    text.style.textAnchor = label.anchor;
    text.textContent = facts[label.community]!.name;
    layer.appendChild(text);
  }
  return placed.length;
}

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
  if (!svg.querySelector(`text.label[data-index="${selected}"]`) && name) {
    // The selected community is always named, even where labels are not drawn.
    const label = svg.ownerDocument.createElementNS(SVG_NS, 'text');
    label.setAttribute('class', 'label selection-label');
    label.setAttribute('data-index', String(selected));
    const radius = Number(node.querySelector('circle.dot')?.getAttribute('r') ?? 0);
    const size = parseFloat(svg.style.getPropertyValue('--label-size')) || LABEL_SIZE;
    label.setAttribute('y', String(radius + 2 + size));
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
