// Loads a saved page into a happy-dom document under its real URL, for adapter tests. Real
// corpus pages are read in place from ../shared/corpus/pages (never copied into the repo);
// fixtures written for this repository live in test/fixtures/pages.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export const CORPUS_DIR = `${ROOT}../shared/corpus/pages`;
export const FIXTURE_DIR = `${ROOT}test/fixtures/pages`;

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}

export interface LoadedPage {
  url: URL;
  document: Document;
  close(): Promise<void>;
}

export function loadPage(file: string, url: string): LoadedPage {
  const html = readFileSync(file, 'utf8');
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigator: { userAgent: 'constellation-tests' },
    },
  });
  // document.write keeps the parser's own handling of <html>/<head>/<body>.
  window.document.write(html);
  return {
    url: new URL(url),
    document: window.document as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}
