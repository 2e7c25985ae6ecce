// Saves pages of the live wikis as adapter fixtures (test/fixtures/pages/dokuwiki-*.html and
// mediawiki-live-*.html): the HTML exactly as the wiki served it, less what adapters never
// read and what would only bloat the repository — script bodies, inline SVG icons and
// MediaWiki's parser-report comments — then formatted by Prettier like every file here (its
// HTML printer keeps whitespace that matters). Run when the wiki packages change, then
// re-check the expected detections (test/fixtures/expected/) by hand:
//
//   npx tsx test/e2e/support/live-wikis/capture.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { DW_PROJECT } from './dokuwiki-content';
import { startDokuWiki } from './dokuwiki';
import { ensurePackages } from './debian';
import { PROJECT, TALK } from './mediawiki-content';
import { startMediaWiki } from './mediawiki';
import type { PhpServer } from './php-server';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/pages/', import.meta.url));

/** Fetches a page from the server with the wiki's own host name. */
async function fetchPage(server: PhpServer, url: string): Promise<string> {
  const target = new URL(url);
  const response = await fetch(
    `http://127.0.0.1:${server.port}${target.pathname}${target.search}`,
    {
      headers: { host: target.host },
    },
  );
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

function trim(html: string): string {
  return html
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2')
    .replace(/<svg\b[\s\S]*?<\/svg>/gi, '<svg></svg>')
    .replace(/<!--\s*\nNewPP limit report[\s\S]*?-->/g, '')
    .replace(/<!--\s*\nTransclusion expansion time report[\s\S]*?-->/g, '')
    .replace(/<!-- Saved in parser cache[\s\S]*?-->/g, '');
}

async function capture(): Promise<void> {
  await ensurePackages();
  const saved: string[] = [];
  const save = async (server: PhpServer, name: string, url: string) => {
    const file = `${FIXTURES}${name}.html`;
    const options = { ...(await resolveConfig(file)), filepath: file };
    writeFileSync(file, await format(trim(await fetchPage(server, url)), options));
    saved.push(`${name}.html  ${url}`);
  };

  const mediawiki = await startMediaWiki();
  try {
    await save(mediawiki.server, 'mediawiki-live-user-page', mediawiki.pageUrl('User:Zoë Okafor'));
    await save(mediawiki.server, 'mediawiki-live-article', mediawiki.pageUrl(PROJECT));
    await save(mediawiki.server, 'mediawiki-live-talk', mediawiki.pageUrl(TALK));
    await save(
      mediawiki.server,
      'mediawiki-live-history',
      mediawiki.pageUrl(PROJECT, { action: 'history' }),
    );
    await save(mediawiki.server, 'mediawiki-live-category', mediawiki.pageUrl('Category:People'));
    await save(
      mediawiki.server,
      'mediawiki-live-search',
      `${mediawiki.origin}/mediawiki/index.php?search=Kubernetes&title=Special%3ASearch&profile=all&fulltext=1`,
    );
  } finally {
    await mediawiki.close();
  }

  const dokuwiki = await startDokuWiki();
  try {
    await save(dokuwiki.server, 'dokuwiki-page', dokuwiki.pageUrl(DW_PROJECT));
    await save(dokuwiki.server, 'dokuwiki-user-page', dokuwiki.pageUrl('user:zokafor'));
    await save(
      dokuwiki.server,
      'dokuwiki-revisions',
      dokuwiki.pageUrl(DW_PROJECT, { do: 'revisions' }),
    );
    await save(dokuwiki.server, 'dokuwiki-recent', dokuwiki.pageUrl('start', { do: 'recent' }));
    await save(
      dokuwiki.server,
      'dokuwiki-search',
      dokuwiki.pageUrl('start', { do: 'search', q: 'kubernetes' }),
    );
  } finally {
    await dokuwiki.close();
  }

  // The same wiki showing editors as links to their user pages (`showuseras`).
  const linked = await startDokuWiki({ settings: { showuseras: 'username_link' } });
  try {
    await save(
      linked.server,
      'dokuwiki-revisions-username-link',
      linked.pageUrl(DW_PROJECT, { do: 'revisions' }),
    );
  } finally {
    await linked.close();
  }
  console.log(saved.join('\n'));
}

await capture();
