// The demo index at http://127.0.0.1:<port>/: every demo page as a link, grouped by site,
// featured pages first. The demo hosts resolve only inside the Chromium that npm start
// launches (scripts/chromium.ts maps them to this server), which the page says.
import { markup, raw, type Html } from '../html';
import { DEMO_HOSTS, DEMO_HOST_PATTERN, FEED_PATH, demoUrl } from '../hosts';
import type { DemoPage } from '../page';

const SITES: { host: string; name: string }[] = [
  { host: DEMO_HOSTS.intranet, name: 'Intranet' },
  { host: DEMO_HOSTS.wiki, name: 'Wiki (MediaWiki look-alike)' },
  { host: DEMO_HOSTS.code, name: 'Code host (Gitea look-alike)' },
];

/** Per-person pages are many; they sit in a collapsed list so the index stays readable. */
const PER_PERSON = new Set<DemoPage['kind']>([
  'intranet-team',
  'intranet-person',
  'wiki-user',
  'code-user',
]);

const STYLE = raw(`
body{font:15px/1.6 system-ui,sans-serif;max-width:900px;margin:24px auto;padding:0 16px;color:#222}
h1{font-size:24px}code{background:#f2f2f2;padding:1px 4px}li.featured a{font-weight:600}
.note{background:#fff8e1;border:1px solid #f0d98c;padding:8px 12px;border-radius:4px}
`);

function link(page: DemoPage): Html {
  const url = demoUrl(page.host, page.path);
  return markup`<li class="${page.featured ? 'featured' : ''}" data-kind="${page.kind}">
    <a href="${url}">${page.title}</a> <small><code>${url}</code></small>
  </li>`;
}

export function renderIndex(organization: string, origin: string, pages: DemoPage[]): Html {
  const sections = SITES.map(({ host, name }) => {
    const onHost = pages.filter((page) => page.host === host);
    const main = onHost.filter((page) => !PER_PERSON.has(page.kind));
    const perPerson = onHost.filter((page) => PER_PERSON.has(page.kind));
    main.sort((a, b) => Number(b.featured ?? false) - Number(a.featured ?? false));
    return markup`<section data-host="${host}">
      <h2>${name} — <code>${host}</code></h2>
      <ul>
        ${main.map(link)}
      </ul>
      ${
        perPerson.length > 0
          ? markup`<details>
              <summary>
                ${perPerson.length} ${perPerson[0]?.kind === 'intranet-team' ? 'team' : 'user'}
                pages
              </summary>
              <ul>
                ${perPerson.map(link)}
              </ul>
            </details>`
          : ''
      }
    </section>`;
  });
  return markup`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Constellation demo — ${organization}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <h1>Constellation demo — ${organization}</h1>
        <p class="note">
          These pages are generated from the demo feed. Their hosts resolve only in the Chromium
          started by <code>npm start</code>, which maps <code>${DEMO_HOST_PATTERN}</code> to this
          server.
        </p>
        <h2>Feed</h2>
        <ul>
          <li>
            <a href="${demoUrl(DEMO_HOSTS.feeds, FEED_PATH)}"
              >${demoUrl(DEMO_HOSTS.feeds, FEED_PATH)}</a
            >
          </li>
          <li>
            <a href="${origin}${FEED_PATH}">${origin}${FEED_PATH}</a> (also reachable from outside
            the demo browser)
          </li>
        </ul>
        ${sections}
      </body>
    </html>`;
}
