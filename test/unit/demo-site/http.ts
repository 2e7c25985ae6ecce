// Test helpers: an HTTP GET to the demo server with an explicit Host header (what Chromium
// sends after its host resolver rules map a demo host to 127.0.0.1), and an HTML parser.
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { Window } from 'happy-dom';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function get(
  port: number,
  host: string,
  path: string,
  headers: Record<string, string> = {},
  agent?: Agent,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, method: 'GET', headers: { Host: host, ...headers }, agent },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Parses a page so tests can query it with the selectors the extension's adapters use. */
export function parse(html: string): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Text with runs of white space collapsed, as a reader (or a content script) sees it. */
export function textOf(node: Element | Document | null | undefined): string {
  const element = node && 'documentElement' in node ? node.documentElement : node;
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
