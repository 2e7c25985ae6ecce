// The constellation map as SVG, for export only (the page draws it on a canvas, MapCanvas):
// built on demand by map-export.ts, styled by boundaries.css, with the names the canvas placed
// and the selection marked by classes (see `markSelection`), then serialised with its computed
// styles inlined (lib/export/image.ts).
import type { MapLayout } from '../../lib/boundaries/layout';
import type { MapModel } from '../../lib/boundaries/map-model';
import type { BoundaryReport } from '../../lib/boundaries/report';
import type { PlacedLabel } from '../../lib/boundaries/labels';
import { LABEL_SIZE } from './map-canvas';

const SVG_NS = 'http://www.w3.org/2000/svg';

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
              {c.standing === 'transformative' && <circle class="ring" r={node.radius + 3} />}
              <circle class="dot" r={node.radius} />
              {/* Names go in the labels layer above every circle: see writeLabels. */}
            </g>
          );
        })}
      </g>
      <g class="labels" />
    </g>
  );
}

/**
 * Writes the names the canvas placed (MapCanvas.placedNames) into the drawing, as text in one
 * layer above every circle: a landmark name lies over smaller circles, and a name inside its
 * own circle's group would be painted under circles drawn after it.
 */
export function writeLabels(
  svg: SVGSVGElement,
  report: BoundaryReport,
  layout: MapLayout,
  labels: readonly PlacedLabel[],
  size: number,
): void {
  // The selection's name (markSelection) and the names' halo follow the same size.
  svg.style.setProperty('--label-size', `${size.toFixed(2)}px`);
  const layer = svg.querySelector('g.labels');
  if (!layer) return;
  const at = new Map(layout.nodes.map((n) => [n.community, n]));
  for (const label of labels) {
    const node = at.get(label.community);
    if (!node) continue;
    const text = svg.ownerDocument.createElementNS(SVG_NS, 'text');
    text.setAttribute('class', label.landmark ? 'label placed landmark' : 'label placed');
    text.setAttribute('data-index', String(label.community));
    text.setAttribute('x', (node.x + label.dx).toFixed(1));
    text.setAttribute('y', (node.y + label.dy).toFixed(1));
    // Inline style: the stylesheet's text-anchor would win over the attribute.
    text.style.textAnchor = label.anchor;
    text.textContent = report.communities[label.community]!.name;
    layer.appendChild(text);
  }
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
