// A live MediaWiki from Debian's `mediawiki` package, isolated in a temp folder: installed by
// maintenance/install.php with SQLite into that folder (LocalSettings.php there too, found
// through MW_CONFIG_FILE — nothing is written to /etc or /var/lib/mediawiki), accounts made
// by createAndPromote.php, content written by edit.php as each editor, jobs run, and served
// by `php -S` under Debian's default path `/mediawiki` (so article URLs are
// `/mediawiki/index.php/Title`, as on a fresh Debian install without short URLs).
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEDIAWIKI_HOST, WIKI_PEOPLE } from './cast';
import { MEDIAWIKI_EDITS } from './mediawiki-content';
import { runPhp, startPhpServer, type PhpServer } from './php-server';

export const MEDIAWIKI_DIR = '/usr/share/mediawiki';

export interface LiveMediaWiki {
  /** `http://mediawiki.wiki.test` (the browser maps the host to the server's port). */
  origin: string;
  port: number;
  /** MediaWiki's own version (includes/Defines.php), e.g. 1.39.17. */
  version: string;
  /** `http://mediawiki.wiki.test/mediawiki/index.php/<title>` */
  pageUrl(title: string, query?: Record<string, string>): string;
  server: PhpServer;
  close(): Promise<void>;
}

export function mediaWikiVersion(): string {
  const defines = readFileSync(join(MEDIAWIKI_DIR, 'includes/Defines.php'), 'utf8');
  const match = defines.match(/define\(\s*'MW_VERSION',\s*'([^']+)'/);
  if (!match) throw new Error('MW_VERSION not found in includes/Defines.php');
  return match[1]!;
}

const PASSWORD = 'Northwind-wiki-2026';

function titlePath(title: string): string {
  return encodeURIComponent(title.replace(/ /g, '_')).replace(/%3A/g, ':').replace(/%2F/g, '/');
}

export async function startMediaWiki(): Promise<LiveMediaWiki> {
  const root = mkdtempSync(join(tmpdir(), 'constellation-mediawiki-'));
  const configFile = join(root, 'LocalSettings.php');
  const env = { MW_CONFIG_FILE: configFile };
  // Some twenty maintenance runs each compile MediaWiki's PHP; a file cache shared by them
  // halves each run.
  const opcache = join(root, 'opcache');
  mkdirSync(opcache);
  const ini = {
    'opcache.enable_cli': '1',
    'opcache.file_cache': opcache,
    'opcache.file_cache_only': '1',
  };
  const maintenance = (script: string, args: string[], input?: string) =>
    runPhp(join(MEDIAWIKI_DIR, 'maintenance', script), args, {
      env,
      ini,
      cwd: MEDIAWIKI_DIR,
      ...(input !== undefined ? { input } : {}),
    });
  let server: PhpServer | undefined;
  try {
    const data = join(root, 'data');
    const docroot = join(root, 'www');
    mkdirSync(data);
    mkdirSync(docroot);
    // Debian serves the wiki at /mediawiki (its apache.conf alias); so does this docroot.
    symlinkSync(MEDIAWIKI_DIR, join(docroot, 'mediawiki'));
    await maintenance('install.php', [
      '--dbtype=sqlite',
      `--dbpath=${data}`,
      '--dbname=northwind',
      `--server=http://${MEDIAWIKI_HOST}`,
      '--scriptpath=/mediawiki',
      '--lang=en',
      `--pass=${PASSWORD}`,
      `--confpath=${root}`,
      'Northwind Wiki',
      'Wiki Admin',
    ]);
    appendFileSync(
      configFile,
      [
        '',
        '# Added by the Constellation e2e setup: everything in this temp folder, jobs run by',
        '# the setup (not during page views), errors shown in full.',
        `$wgUploadDirectory = "${root}/images";`,
        `$wgCacheDirectory = "${root}/cache";`,
        '$wgJobRunRate = 0;',
        '$wgShowExceptionDetails = true;',
        '',
      ].join('\n'),
    );
    for (const person of WIKI_PEOPLE) {
      if (person.mediawiki) await maintenance('createAndPromote.php', [person.mediawiki, PASSWORD]);
    }
    for (const edit of MEDIAWIKI_EDITS) {
      let text = edit.text;
      if (edit.append !== undefined) {
        // Signatures already expanded stay as they are: reply to the saved text.
        const current = await maintenance('getText.php', [edit.title]);
        text = `${current.trimEnd()}\n${edit.append}`;
      }
      await maintenance(
        'edit.php',
        ['--user', edit.user, '--summary', edit.summary, edit.title],
        `${text}\n`,
      );
    }
    // Category membership, link tables and search index updates left as jobs.
    await maintenance('runJobs.php', []);
    server = await startPhpServer({
      docroot,
      env,
      ini: { 'opcache.enable_cli': '1' },
      host: MEDIAWIKI_HOST,
      readyPath: '/mediawiki/index.php/Main_Page',
    });
    const origin = `http://${MEDIAWIKI_HOST}`;
    const running = server;
    return {
      origin,
      port: server.port,
      version: mediaWikiVersion(),
      server,
      pageUrl(title, query) {
        if (!query) return `${origin}/mediawiki/index.php/${titlePath(title)}`;
        const params = new URLSearchParams({ title: title.replace(/ /g, '_'), ...query });
        return `${origin}/mediawiki/index.php?${params.toString()}`;
      },
      async close() {
        await running.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
