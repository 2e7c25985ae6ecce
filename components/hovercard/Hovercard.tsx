// The hovercard shell: a labelled dialog with a close button and the "Demo data" label when
// the data shown is the demo organisation; the body is a person, community or topic card.
import { useEffect, useRef } from 'preact/hooks';
import { displayLabel } from '../../lib/model/display-text';
import type { CardState } from '../../lib/annotate/hovercard-controller';
import type { Theme } from '../../lib/annotate/hosts';
import { CommunityCardView } from './CommunityCardView';
import { PersonCardView } from './PersonCardView';
import { TopicCardView } from './TopicCardView';

export interface HovercardProps {
  state: CardState;
  theme: Theme;
  position: { top: number; left: number };
  focus: boolean;
  onClose: (restoreFocus: boolean) => void;
}

export function Hovercard({ state, theme, position, focus, onClose }: HovercardProps) {
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) card.current?.focus();
  }, [focus, state]);
  const label =
    state.status === 'ready'
      ? state.card.kind === 'topic'
        ? `Constellation topic: ${displayLabel(state.card.label)}`
        : `Constellation: ${displayLabel(state.card.name)}`
      : 'Constellation';
  return (
    <div
      ref={card}
      class="card"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      data-theme={theme}
      data-status={state.status}
      style={{ top: `${position.top}px`, left: `${position.left}px` }}
    >
      <button type="button" class="close" aria-label="Close" onClick={() => onClose(true)}>
        ×
      </button>
      {state.status === 'loading' && <p class="meta">Loading…</p>}
      {state.status === 'error' && (
        <p role="alert" class="meta">
          Could not load details: {state.error}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          {state.card.demo && <span class="demo">Demo data</span>}
          {state.card.kind === 'person' ? (
            <PersonCardView card={state.card} />
          ) : state.card.kind === 'community' ? (
            <CommunityCardView card={state.card} />
          ) : (
            <TopicCardView card={state.card} />
          )}
        </>
      )}
    </div>
  );
}
