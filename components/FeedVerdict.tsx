// What the last sync made of a feed document, in the verdict's own words (the sentence the CLI
// prints too): "5 of 3,929 records had problems and were left out: show them", the first
// problems with their paths and what each cost, and, when a refusal may be overridden (an older
// generation, another feed id, too many invalid records), a button to accept that very
// document anyway. Used by options (per feed) and the popup. Feed text is rendered as text.
import { useState } from 'preact/hooks';
import type { SyncProblem, SyncReportRow } from '../lib/db/sync-schema';
import './sync-progress.css';

const COST: Record<NonNullable<SyncProblem['effect']>, string> = {
  skipped: 'left out',
  dependent: 'left out with it',
  dropped: 'value dropped',
};

export function FeedVerdict({ report }: { report: SyncReportRow }) {
  const problems = report.problems.filter((p) => p.effect !== undefined);
  const hasSummary = report.summary !== undefined && report.verdict !== undefined;
  if (!hasSummary && !report.acceptable) return null;
  const sentence = report.summary?.replace(/\.$/, '') ?? '';
  return (
    <div class="feed-verdict" data-url={report.url}>
      {hasSummary &&
        (problems.length > 0 ? (
          <details class="verdict-problems">
            <summary>
              <span class="verdict-sentence">{sentence}</span>: <span class="show">show them</span>
            </summary>
            <ul>
              {problems.map((p, i) => (
                <li key={i} data-effect={p.effect}>
                  <code>{p.path}</code> {p.reason} ({COST[p.effect!]})
                </li>
              ))}
            </ul>
            {report.problemCount > report.problems.length && (
              <p class="more">
                The first {report.problems.length} of {report.problemCount.toLocaleString('en-US')}{' '}
                problems are shown; <code>npx constellation-feed validate</code> lists them all.
              </p>
            )}
          </details>
        ) : (
          <p class="verdict-sentence">{report.summary}</p>
        ))}
      {report.acceptable && <AcceptButton url={report.url} digest={report.acceptable.digest} />}
    </div>
  );
}

function AcceptButton({ url, digest }: { url: string; digest: string }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const accept = async () => {
    setState({ busy: true });
    // Loaded on demand: the popup's first paint must not wait for the messaging code.
    const { sendRequest } = await import('../lib/browser/extension');
    const answer = await sendRequest('acceptGeneration', { url, digest });
    setState(answer.ok ? { busy: false } : { busy: false, error: answer.error });
  };
  return (
    <p class="accept">
      <button
        type="button"
        class="accept-anyway"
        disabled={state.busy}
        onClick={() => void accept()}
      >
        {state.busy ? 'Accepting…' : 'Accept this generation anyway'}
      </button>{' '}
      <small>Only this exact document is accepted; later ones are checked as usual.</small>
      {state.error && (
        <span role="alert" class="error">
          {' '}
          {state.error}
        </span>
      )}
    </p>
  );
}
