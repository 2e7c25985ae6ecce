// The map's legend in words: what size, fill, outline and lines mean. Colour is never the only
// cue: every stage is named, and standings differ by outline pattern, not hue.
import { STAGES, STANDINGS } from '../../lib/model/vocabulary';
import { STAGE_MEANING, STANDING_OUTLINE } from './vocabulary';

/** The same legend as lines of text, for the exported picture. */
export function legendLines(): string[] {
  return [
    'Circle size: core and active members. Solid line: shared members (thicker = more). Dashed line: shared topics.',
    `Fill by stage: ${STAGES.join(', ')}.`,
    // Two lines, so the caption fits the width of a small map.
    `Outline by standing: ${STANDINGS.slice(0, 3)
      .map((s) => `${s} (${STANDING_OUTLINE[s]})`)
      .join(', ')},`,
    `${STANDINGS.slice(3)
      .map((s) => `${s} (${STANDING_OUTLINE[s]})`)
      .join(', ')}.`,
  ];
}

/**
 * Compact, to sit beside the map: words for every cue, each stage's meaning on hover (the
 * exported picture spells everything out, see `legendLines`).
 */
export function MapLegend() {
  return (
    <div class="legend" aria-label="Map legend">
      <div class="legend-groups">
        <div>
          <p class="legend-title">Size</p>
          <p>core and active members</p>
        </div>
        <div>
          <p class="legend-title">Lines</p>
          <ul class="legend-lines">
            <li>
              <svg class="swatch" viewBox="0 0 18 18" aria-hidden="true">
                <line class="edge edge-members" x1="1" y1="9" x2="17" y2="9" stroke-width="3" />
              </svg>
              <span>shared members (thicker: more)</span>
            </li>
            <li>
              <svg class="swatch" viewBox="0 0 18 18" aria-hidden="true">
                <line class="edge edge-topics" x1="1" y1="9" x2="17" y2="9" stroke-width="1.5" />
              </svg>
              <span>shared topics</span>
            </li>
          </ul>
        </div>
        <div>
          <p class="legend-title">Fill: stage</p>
          <ul>
            {STAGES.map((stage) => (
              <li key={stage} title={STAGE_MEANING[stage]}>
                <svg class="swatch" viewBox="-8 -8 16 16" aria-hidden="true">
                  <circle class={`dot stage-${stage}`} r="6" />
                </svg>
                <strong>{stage}</strong>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <p class="legend-title">Outline: standing</p>
          <ul>
            {STANDINGS.map((standing) => (
              <li key={standing}>
                <svg
                  class={`swatch standing-${standing}`}
                  viewBox="-10 -10 20 20"
                  aria-hidden="true"
                >
                  {standing === 'transformative' && <circle class="ring" r="8.5" />}
                  <circle class="dot legend-dot" r="6" />
                </svg>
                <span>
                  <strong>{standing}</strong>{' '}
                  <span class="meaning">{STANDING_OUTLINE[standing].replace(/ outline$/, '')}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
