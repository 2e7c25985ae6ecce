// A real OpenLDAP server for the LDAP importer's tests: the Debian packages are installed
// when missing (as root, with service starts held off, through the live-wiki tests' helper,
// so apt never starts a system slapd on port 389), a directory is seeded offline with
// slapadd (fast, even for 10,000 entries), and slapd serves it on 127.0.0.1 only — plain
// LDAP (with StartTLS) and LDAPS on two free ports — from a temporary folder, with a
// self-signed certificate made for 127.0.0.1. stop() ends it and removes the folder.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensurePackages } from '../live-wikis/debian';

const run = promisify(execFile);
const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';

export const SUFFIX = 'dc=example,dc=org';
export const READER_DN = `cn=reader,${SUFFIX}`;
export const READER_PASSWORD = 'reader-secret-for-tests';
/** Searches that do not page get at most this many entries (paged searches: unlimited). */
export const SIZE_LIMIT = 1000;

export interface Slapd {
  ldapUrl: string;
  ldapsUrl: string;
  caFile: string;
  versions: Record<string, string>;
  stop(): Promise<void>;
}

export async function startSlapd(ldif: string): Promise<Slapd> {
  let versions: Record<string, string>;
  try {
    versions = await ensurePackages(['slapd', 'ldap-utils']);
  } catch (error) {
    throw new Error(
      `The LDAP importer's tests need OpenLDAP: ${(error as Error).message.replace(/Install them.*$/, '')}` +
        'Install it as root with: apt-get install -y --no-install-recommends slapd ldap-utils',
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'constellation-slapd-'));
  await mkdir(path.join(dir, 'db'));
  // A certificate for 127.0.0.1 (the name the client checks), valid for a day.
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  const conf = path.join(dir, 'slapd.conf');
  await writeFile(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${path.join(dir, 'slapd.pid')}`,
      `argsfile ${path.join(dir, 'slapd.args')}`,
      `TLSCertificateFile ${path.join(dir, 'cert.pem')}`,
      `TLSCertificateKeyFile ${path.join(dir, 'key.pem')}`,
      'database mdb',
      'maxsize 1073741824',
      `suffix "${SUFFIX}"`,
      `rootdn "cn=admin,${SUFFIX}"`,
      `directory ${path.join(dir, 'db')}`,
      // Paged searches may return everything; others stop at SIZE_LIMIT (as many real servers).
      `limits * size.soft=${SIZE_LIMIT} size.hard=${SIZE_LIMIT} size.prtotal=unlimited`,
      'access to attrs=userPassword by anonymous auth by * none',
      'access to * by users read by * none',
      '',
    ].join('\n'),
  );
  const ldifFile = path.join(dir, 'seed.ldif');
  await writeFile(ldifFile, ldif);
  // -q: no checks beyond the schema's, which makes seeding 10,000 entries take seconds.
  await run(SLAPADD, ['-q', '-f', conf, '-l', ldifFile], { maxBuffer: 16 * 1024 * 1024 });

  const [ldapPort, ldapsPort] = [await freePort(), await freePort()];
  const ldapUrl = `ldap://127.0.0.1:${ldapPort}`;
  const ldapsUrl = `ldaps://127.0.0.1:${ldapsPort}`;
  const child: ChildProcess = spawn(
    SLAPD,
    ['-d', '0', '-f', conf, '-h', `${ldapUrl}/ ${ldapsUrl}/`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(ldapPort, child, () => stderr);
    await waitForPort(ldapsPort, child, () => stderr);
  } catch (error) {
    child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ldapUrl,
    ldapsUrl,
    caFile: path.join(dir, 'cert.pem'),
    versions,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slapd did not listen on 127.0.0.1:${port}: ${log()}`);
}
