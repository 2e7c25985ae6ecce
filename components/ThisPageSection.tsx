// "This page" in the popup: what Constellation found on the current tab (people across
// units, communities touched, colleagues), or — on a site not enabled yet — the button that
// enables it (asks for that one site's permission on this click, registers the content
// script, annotates the page at once).
import { useEffect, useState } from 'preact/hooks';
import {
  enableSite,
  siteStatus,
  targetTab,
  type SiteStatus,
  type TabTarget,
} from '../lib/browser/site-access';
import { summaryLine } from '../lib/annotate/summary';

type State =
  | { status: 'loading' }
  | { status: 'ready'; target: TabTarget; site: SiteStatus }
  | { status: 'error'; error: string };

/**
 * What this page showed last: the full popup, taking over the screen the popup's first script
 * painted (entrypoints/popup/main.tsx), starts from it instead of a blank section (and still
 * reads it again).
 */
let lastShown: State = { status: 'loading' };

export function ThisPageSection() {
  const [state, setShown] = useState<State>(() => lastShown);
  const setState = (next: State) => {
    lastShown = next;
    setShown(next);
  };
  const [message, setMessage] = useState('');
  const refresh = async () => {
    try {
      const target = await targetTab(location.search);
      if (!target)
        return setState({ status: 'ready', target: { tabId: -1 }, site: { kind: 'unsupported' } });
      setState({ status: 'ready', target, site: await siteStatus(target) });
    } catch (error) {
      setState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  if (state.status === 'loading') return null;
  if (state.status === 'error')
    return (
      <section class="this-page" aria-label="This page">
        <p class="error">Could not read the current tab: {state.error}</p>
      </section>
    );
  const { site, target } = state;
  const onEnable = async () => {
    if (site.kind !== 'disabled') return;
    setMessage('');
    try {
      // The permission request must be the first thing this click does (user gesture).
      const outcome = await enableSite(site.url, target.tabId);
      if (outcome === 'denied') setMessage('Permission was not granted; nothing changed.');
      // The page is being annotated now; give it a moment before asking for its summary.
      setTimeout(() => void refresh(), 600);
    } catch (error) {
      setMessage(
        `Could not enable this site: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return (
    <section class="this-page" aria-label="This page" data-site-status={site.kind}>
      <h2>This page</h2>
      {site.kind === 'unsupported' && <p class="meta">Constellation does not run on this page.</p>}
      {site.kind === 'disabled' && (
        <>
          <p>
            Not enabled on <strong>{new URL(site.url).hostname}</strong>.
          </p>
          <button type="button" onClick={() => void onEnable()}>
            Enable on this site
          </button>
        </>
      )}
      {site.kind === 'enabled' &&
        (site.summary ? (
          <p data-summary="">
            {summaryLine(site.summary)}
            {site.summary.communities.length > 0 && (
              <span class="meta"> ({site.summary.communities.join(', ')})</span>
            )}
          </p>
        ) : (
          <p class="meta">Enabled on this site. Reload the page if nothing shows yet.</p>
        ))}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
