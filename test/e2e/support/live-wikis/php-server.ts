// PHP's built-in web server (`php -S 127.0.0.1:<port>`) for a wiki installed from Debian's
// packages, on a free loopback port, with its own environment and ini settings (which is
// how each wiki finds its temporary configuration). Several workers, because a wiki page
// pulls CSS and scripts while the page itself renders. Stopped as a process group, so the
// workers go with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';

export interface PhpServer {
  port: number;
  /** What the server printed (start-up errors, PHP warnings), for failure messages. */
  log(): string;
  close(): Promise<void>;
}

export interface PhpServerOptions {
  docroot: string;
  /** Extra environment for every request (e.g. MW_CONFIG_FILE). */
  env?: Record<string, string>;
  /** `php -d name=value` settings (e.g. auto_prepend_file). */
  ini?: Record<string, string>;
  /** A path that answers 200 once the wiki is up, requested with `host` as Host header. */
  readyPath: string;
  host: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** GET on 127.0.0.1:port with a Host header; resolves with the status (0 when refused). */
export function statusOf(port: number, host: string, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host }, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      // The whole group: the server and its forked workers.
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

export async function startPhpServer(options: PhpServerOptions): Promise<PhpServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const ini = Object.entries(options.ini ?? {}).flatMap(([k, v]) => ['-d', `${k}=${v}`]);
    const child = spawn('php', [...ini, '-S', `127.0.0.1:${port}`, '-t', options.docroot], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4', ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      // Every request is logged; keep the tail only.
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const server: PhpServer = { port, log: () => output, close: () => stop(child) };
    const deadline = Date.now() + 20_000;
    while (child.exitCode === null && Date.now() < deadline) {
      if ((await statusOf(port, options.host, options.readyPath)) === 200) return server;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await server.close();
    // Another process may have taken the port between the probe and php's bind.
    if (attempt < 3 && /Address already in use/i.test(output)) continue;
    throw new Error(`php -S on port ${port} did not answer ${options.readyPath}:\n${output}`);
  }
}

export interface PhpRun {
  /** Text on standard input (page text for edit scripts). */
  input?: string;
  env?: Record<string, string>;
  ini?: Record<string, string>;
  cwd?: string;
}

/** Runs a PHP command-line script (a wiki's maintenance script); rejects with its output. */
export function runPhp(script: string, args: string[], options: PhpRun = {}): Promise<string> {
  const ini = Object.entries(options.ini ?? {}).flatMap(([k, v]) => ['-d', `${k}=${v}`]);
  return new Promise((resolve, reject) => {
    const child = spawn('php', [...ini, script, ...args], {
      env: { ...process.env, ...options.env },
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`php ${script} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
    child.stdin.end(options.input ?? '');
  });
}
