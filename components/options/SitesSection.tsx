// Options → Sites: where annotation runs. The well-known public hosts are always on (listed
// for transparency); every other site the user enabled is listed with its adapter choice
// (for pages where detection is ambiguous) and a Disable button that unregisters the script
// and gives the permission back.
import { useEffect, useState } from 'preact/hooks';
import { chooseAdapter, disableSite, loadSiteSettings } from '../../lib/browser/site-access';
import { ADAPTERS } from '../../lib/sites';
import type { SiteSetting } from '../../lib/sites/site-settings';
import { STATIC_HOSTS } from '../../lib/sites/static-hosts';
import type { SiteId } from '../../lib/sites/types';
import { ProseNamesPanel } from './ProseNamesPanel';

export function SitesSection() {
  const [sites, setSites] = useState<SiteSetting[] | undefined>();
  const [error, setError] = useState('');
  const reload = () =>
    loadSiteSettings()
      .then(setSites)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  useEffect(() => {
    void reload();
  }, []);
  const act = (work: Promise<void>) =>
    work.then(reload).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  return (
    <div class="sites" data-section="sites">
      <p>
        Always on (public hosts):{' '}
        {STATIC_HOSTS.map((p) => p.replace(/^https:\/\/|\/\*$/g, '')).join(', ')}. Other sites —
        your intranet, self-hosted GitLab, Gitea, Confluence, MediaWiki or DokuWiki — are enabled
        one by one from the popup (“Enable on this site”).
      </p>
      {error && <p role="alert">{error}</p>}
      {sites && sites.length === 0 && <p data-empty="">No other sites enabled.</p>}
      {sites && sites.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Page type</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => {
              const host = site.pattern.replace(/\/\*$/, '');
              return (
                <tr key={site.pattern} data-site={site.pattern}>
                  <td>{host}</td>
                  <td>
                    <select
                      aria-label={`Page type for ${host}`}
                      value={site.adapter}
                      onChange={(event) =>
                        void act(
                          chooseAdapter(site.pattern, event.currentTarget.value as SiteId | 'auto'),
                        )
                      }
                    >
                      <option value="auto">Detect automatically</option>
                      {ADAPTERS.map((adapter) => (
                        <option key={adapter.id} value={adapter.id}>
                          {adapter.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" onClick={() => void act(disableSite(site.pattern))}>
                      Disable
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ProseNamesPanel />
    </div>
  );
}
