// A live DokuWiki from Debian's `dokuwiki` package, isolated in a temp folder. Debian keeps
// the code in /usr/share/dokuwiki, its settings in /etc/dokuwiki and the pages in
// /var/lib/dokuwiki; its inc/preload.php picks the configuration folder (DOKU_CONF) unless
// one is defined already. So every PHP run here gets `auto_prepend_file` with a two-line
// file that defines DOKU_CONF as our temp `conf/` — a copy of Debian's defaults plus our
// local.php (savedir in the temp folder), users.auth.php and acl.auth.php. Nothing is
// written outside the temp folder. Pages are saved by bin/dwpage.php as each user, the
// search index is built by bin/indexer.php, and `php -S` serves it under Debian's default
// path `/dokuwiki` (URLs `/dokuwiki/doku.php?id=…`, DokuWiki's default without rewriting).
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOKUWIKI_HOST, WIKI_PEOPLE } from './cast';
import { dokuWikiEdits } from './dokuwiki-content';
import { runPhp, startPhpServer, type PhpServer } from './php-server';

export const DOKUWIKI_DIR = '/usr/share/dokuwiki';
const DEBIAN_CONF = '/etc/dokuwiki';

export interface LiveDokuWiki {
  origin: string;
  port: number;
  /** DokuWiki's own version (its VERSION file), e.g. 2022-07-31b "Igor". */
  version: string;
  /** `http://dokuwiki.wiki.test/dokuwiki/doku.php?id=<id>&…` */
  pageUrl(id: string, query?: Record<string, string>): string;
  server: PhpServer;
  close(): Promise<void>;
}

export function dokuWikiVersion(): string {
  return readFileSync(join(DOKUWIKI_DIR, 'VERSION'), 'utf8').trim();
}

const DATA_DIRS = [
  'pages',
  'attic',
  'meta',
  'media',
  'media_attic',
  'media_meta',
  'cache',
  'index',
  'locks',
  'tmp',
  'log',
];

/** users.auth.php: login:bcrypt:Real Name:email:groups (authplain's format). */
async function usersFile(): Promise<string> {
  const hash = await runPhp('-r', ['echo password_hash("Northwind-wiki-2026", PASSWORD_BCRYPT);']);
  const lines = WIKI_PEOPLE.filter((p) => p.dokuwiki).map(
    (p) => `${p.dokuwiki}:${hash}:${p.name}:${p.email}:user`,
  );
  return `# users.auth.php\n# <?php exit()?>\n${lines.join('\n')}\n`;
}

export interface DokuWikiOptions {
  /** Extra `$conf` settings, e.g. `{ showuseras: 'username_link' }`. */
  settings?: Record<string, string>;
  /** When signatures say they were made. */
  now?: Date;
}

export async function startDokuWiki(options: DokuWikiOptions = {}): Promise<LiveDokuWiki> {
  const now = options.now ?? new Date();
  const root = mkdtempSync(join(tmpdir(), 'constellation-dokuwiki-'));
  let server: PhpServer | undefined;
  try {
    const conf = join(root, 'conf');
    const data = join(root, 'data');
    const docroot = join(root, 'www');
    mkdirSync(conf);
    for (const dir of DATA_DIRS) mkdirSync(join(data, dir), { recursive: true });
    mkdirSync(docroot);
    symlinkSync(DOKUWIKI_DIR, join(docroot, 'dokuwiki'));
    // Debian's defaults (plugins.php, mime.conf…) as they are; its user and ACL files are
    // links into /var/lib/dokuwiki and are replaced by ours.
    for (const name of readdirSync(DEBIAN_CONF)) {
      const from = join(DEBIAN_CONF, name);
      if (lstatSync(from).isFile() && /\.(php|conf|css|json)$/.test(name))
        copyFileSync(from, join(conf, name));
    }
    writeFileSync(
      join(conf, 'local.php'),
      [
        '<?php',
        "$conf['title'] = 'Northwind Team Wiki';",
        `$conf['savedir'] = '${data}';`,
        "$conf['license'] = 'cc-by-sa';",
        "$conf['useacl'] = 1;",
        "$conf['superuser'] = '@admin';",
        ...Object.entries(options.settings ?? {}).map(
          ([name, value]) => `$conf['${name}'] = ${JSON.stringify(value)};`,
        ),
        '',
      ].join('\n'),
    );
    // Debian ships the testing plugin enabled; a real site turns it off.
    writeFileSync(join(conf, 'plugins.local.php'), "<?php\n$plugins['testing'] = 0;\n");
    writeFileSync(join(conf, 'users.auth.php'), await usersFile());
    writeFileSync(
      join(conf, 'acl.auth.php'),
      '# acl.auth.php\n# <?php exit()?>\n*\t@ALL\t1\n*\t@user\t8\n',
    );
    const prepend = join(root, 'prepend.php');
    writeFileSync(prepend, `<?php\nif (!defined('DOKU_CONF')) define('DOKU_CONF', '${conf}/');\n`);
    const ini = { auto_prepend_file: prepend };
    const cli = (script: string, args: string[]) =>
      runPhp(join(DOKUWIKI_DIR, 'bin', script), args, { ini, cwd: root });

    // A revision is keyed by its second: a page saved again waits for the next one.
    const savedAt = new Map<string, number>();
    const work = join(root, 'edit.txt');
    for (const edit of dokuWikiEdits(now)) {
      const last = savedAt.get(edit.id);
      while (last !== undefined && Math.floor(Date.now() / 1000) <= last)
        await new Promise((resolve) => setTimeout(resolve, 50));
      writeFileSync(work, edit.text);
      await cli('dwpage.php', ['--user', edit.user, 'commit', '-m', edit.summary, work, edit.id]);
      savedAt.set(edit.id, Math.floor(Date.now() / 1000));
    }
    await cli('indexer.php', ['--quiet']);

    server = await startPhpServer({
      docroot,
      ini,
      host: DOKUWIKI_HOST,
      readyPath: '/dokuwiki/doku.php?id=start',
    });
    const origin = `http://${DOKUWIKI_HOST}`;
    const running = server;
    return {
      origin,
      port: server.port,
      version: dokuWikiVersion(),
      server,
      pageUrl(id, query) {
        const params = new URLSearchParams({ id, ...query });
        return `${origin}/dokuwiki/doku.php?${params.toString().replace(/%3A/g, ':')}`;
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
