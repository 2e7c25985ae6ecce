// The one way out of the test Firefox: an HTTP/CONNECT proxy on 127.0.0.1 that Firefox is told
// to use for every request (prefs.ts). Hosts a test serves ("github.com") are answered here —
// HTTPS through CONNECT is terminated with a self-signed certificate the session accepts
// (`acceptInsecureCerts`), so a saved page appears under its real https URL and the
// extension's content script runs as on the real site. Every other request — the page's
// assets, Firefox's own settings, telemetry or update traffic a pref missed — is refused with
// 403 and recorded, so nothing leaves the machine and a test can see what was tried.
// Loopback (the feed server) bypasses the proxy, as Firefox never proxies 127.0.0.1/localhost.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { generate } from 'selfsigned';

export interface RefusedRequest {
  /** "CONNECT" for tunnelled (https) requests, else the HTTP method. */
  method: string;
  /** host:port for CONNECT, else the absolute URL. */
  target: string;
}

export interface TrapProxy {
  port: number;
  /** Serves `html` at exactly `url` (https or http, fragment ignored) from now on. */
  servePage(url: string, html: string): void;
  /** URLs of served pages in the order they were requested. */
  readonly served: readonly string[];
  /** Everything the proxy refused, in order. */
  readonly refused: readonly RefusedRequest[];
  close(): Promise<void>;
}

/** Starts the proxy; `hosts` are the names it may answer for (the certificate covers them). */
export async function startTrapProxy(hosts: readonly string[]): Promise<TrapProxy> {
  const pages = new Map<string, string>();
  const served: string[] = [];
  const refused: RefusedRequest[] = [];
  const sockets = new Set<Socket>();
  const known = new Set(hosts.map((host) => host.toLowerCase()));

  // Elliptic-curve keys: generated in milliseconds, where RSA-2048 in JavaScript takes seconds.
  const certificate = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2 as const, value })) },
    ],
  });

  const answer = (scheme: 'http' | 'https', req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(
      scheme === 'http' ? (req.url ?? '/') : `https://${req.headers.host ?? ''}${req.url ?? '/'}`,
    );
    url.hash = '';
    const html = req.method === 'GET' && known.has(url.hostname) ? pages.get(url.href) : undefined;
    if (html === undefined) {
      refused.push({ method: req.method ?? 'GET', target: url.href });
      return void res.writeHead(403, { 'Content-Type': 'text/plain' }).end('refused by test proxy');
    }
    served.push(url.href);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  };

  const tls = createHttpsServer({ key: certificate.private, cert: certificate.cert }, (req, res) =>
    answer('https', req, res),
  );
  tls.on('tlsClientError', () => undefined);

  const proxy = createHttpServer((req, res) => answer('http', req, res));
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '').toLowerCase();
    socket.on('error', () => undefined);
    if (!known.has(host) || !target.endsWith(':443')) {
      refused.push({ method: 'CONNECT', target });
      return void socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    // The tunnel's bytes are a TLS connection to "github.com": the local HTTPS server takes it.
    tls.emit('connection', socket);
  });

  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    servePage(url, html) {
      const key = new URL(url);
      key.hash = '';
      if (!known.has(key.hostname))
        throw new Error(`${key.hostname} is not one of the proxy's hosts (${hosts.join(', ')})`);
      pages.set(key.href, html);
    },
    served,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        tls.close();
        proxy.close(() => resolve());
      }),
  };
}
