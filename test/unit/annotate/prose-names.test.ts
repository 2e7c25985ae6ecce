// The "full names in prose" option end to end in the annotator (happy-dom, the demo
// organisation answered by the real background handlers): off, prose names get nothing; on,
// each exact full name of one person gets a badge right after its text, never inside links,
// code or what the adapter already read, and what crosses to the background is the name keys
// the page's hashes matched — never other page text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startAnnotator } from '../../../lib/annotate/annotator';
import { annotateVocabulary } from '../../../lib/background/annotate';
import { replaceFeed } from '../../../lib/db/ingest';
import { uniquePersonNameKeys } from '../../../lib/db/resolve';
import { validateFeedText } from '../../../lib/model/validate';
import { generic } from '../../../lib/sites/generic/adapter';
import { emptyTestDb } from '../../fixtures/test-db';
import { demoPages, personBadges, recordingClient, type RecordingClient } from './support';

const PAGE = `<!doctype html><html><body><main>
  <article>
    <p class="byline">Posted 2026-11-30 by Priya Raghunathan</p>
    <p>Zoë Okafor and Jose Muller ran the drill; ask Mei-Lin Chen’s team. Chen and Zoë agreed.</p>
    <p>See <a href="/wiki/Zoe_Okafor">Zoë Okafor</a> and <code>Kwame Asante</code>.</p>
    <pre>Hiroshi Tanaka</pre>
    <p>Nobody Known and zoë okafor in lower case.</p>
  </article>
</main></body></html>`;

const pages = demoPages();

function open(): Document {
  return pages.open('http://intranet.northwind.test/news/drill', PAGE);
}

function clientWith(namesInProse: boolean): RecordingClient {
  const client = recordingClient(pages.db());
  client.vocabulary = async () => {
    client.vocabularyCalls++;
    return (await annotateVocabulary(pages.db(), undefined, { namesInProse })).vocabulary!;
  };
  return client;
}

async function annotate(document: Document, client: RecordingClient, signal: AbortSignal) {
  const annotator = startAnnotator({
    document,
    url: new URL('http://intranet.northwind.test/news/drill'),
    adapter: generic,
    client,
    signal,
  });
  await annotator.idle();
  return annotator;
}

describe('full names in prose', () => {
  it('is off by default: the vocabulary carries no names and prose gets no badge', async () => {
    const vocabulary = (await annotateVocabulary(pages.db(), undefined)).vocabulary!;
    expect(vocabulary.personNames).toBeUndefined();
    const document = open();
    await annotate(document, clientWith(false), new AbortController().signal);
    // The byline and the link about a person are read as before (not prose).
    expect(personBadges(document)).toEqual(['p-priya-raghunathan:author', 'p-zoe-okafor:mention']);
  });

  it('on: badges exact full names right after their text, nowhere else', async () => {
    const document = open();
    const before = document.body.textContent;
    const client = clientWith(true);
    const controller = new AbortController();
    const annotator = await annotate(document, client, controller.signal);
    expect(personBadges(document)).toEqual([
      'p-priya-raghunathan:author',
      'p-zoe-okafor:mention',
      'p-jose-muller:mention',
      'p-mei-lin-chen:mention',
      'p-zoe-okafor:mention',
    ]);
    const prose = document.querySelectorAll('article p')[1]!;
    // The badge follows the name's own text node.
    expect(prose.childNodes[0]!.textContent).toBe('Zoë Okafor');
    // Only the keys of matched names were sent, never the rest of the text.
    const sent = client.queries.flatMap((q) => q.names);
    expect(sent).toEqual(expect.arrayContaining(['zoe okafor', 'jose muller', 'mei-lin chen']));
    expect(sent.some((key) => /nobody|drill|asante|tanaka/.test(key))).toBe(false);
    // Scanning again adds nothing; aborting restores the text.
    annotator.scan(document);
    await annotator.idle();
    expect(personBadges(document)).toHaveLength(5);
    controller.abort();
    expect(personBadges(document)).toEqual([]);
    expect(document.body.textContent).toBe(before);
  });

  it('lists only full names that name exactly one visible person', async () => {
    const demo = JSON.parse(
      readFileSync(new URL('../../../public/demo-feed.json', import.meta.url), 'utf8'),
    ) as { people: { id: string; name: string; aliases?: string[] }[] };
    const twin = { ...demo.people[0]!, id: 'p-zoe-okafor-2', aliases: [] };
    demo.people.push(twin);
    const result = validateFeedText(JSON.stringify(demo));
    if (!result.ok) throw new Error(result.error.reason);
    const twins = emptyTestDb();
    await replaceFeed(twins, result.feed, {
      source: 'demo',
      now: new Date('2026-11-21T08:00:00Z'),
    });
    const keys = await uniquePersonNameKeys(twins);
    expect(keys).not.toContain('zoe okafor');
    expect(keys).toContain('jose muller');
    expect(keys.every((key) => key.includes(' '))).toBe(true);
  });
});
