// A name or label from a feed, shown safely: bidi controls and invisible characters taken
// out (lib/model/display-text.ts), with a visible, announced warning mark when any were.
import { ALTERED_WARNING, displayText } from '../lib/model/display-text';

export function DisplayText({ value }: { value: string }) {
  const { text, altered } = displayText(value);
  if (!altered) return <>{text}</>;
  return (
    <>
      {text}
      <span
        class="altered-text"
        role="img"
        aria-label={ALTERED_WARNING}
        title={ALTERED_WARNING}
        data-altered=""
        style={{ marginLeft: '0.25em', color: '#b45309', fontWeight: 700 }}
      >
        ⚠
      </span>
    </>
  );
}
