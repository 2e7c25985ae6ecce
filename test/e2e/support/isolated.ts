// Reads what the extension put on a page the way only the extension can: badges, topics and
// cards are attribute-less elements with closed shadow roots, and what they stand for is kept
// in the content script's isolated world. Tests evaluate `inspectPage` (lib/annotate/inspect.ts)
// in that world through the DevTools protocol — something no page script can do — and drive
// badges with real pointer and keyboard input at the positions it reports.
import type { Page } from 'playwright-core';
import type { CardElement, InspectedHost, Inspection } from '../../../lib/annotate/inspect';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

/** Evaluates `expression` in the extension's isolated world of `page`'s main frame. */
export async function evaluateIsolated<T>(page: Page, expression: string): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) =>
      contexts.push(event.context),
    );
    // Enabling replays every live context as an event before it answers.
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string } };
    };
    const world = contexts
      .filter(
        (c) =>
          c.auxData?.frameId === frameTree.frame.id &&
          c.auxData.type === 'isolated' &&
          c.origin.startsWith('chrome-extension://'),
      )
      .pop();
    if (!world) return null;
    const answer = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string } };
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
    return answer.result.value ?? null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const EMPTY: Inspection = { hosts: [], card: null, focused: null };

/** Everything the extension shows on the page, as it knows it. */
export async function inspect(page: Page, withinSelector?: string): Promise<Inspection> {
  const argument = withinSelector === undefined ? '' : JSON.stringify(withinSelector);
  return (
    (await evaluateIsolated<Inspection>(
      page,
      `typeof globalThis.__constellationInspect === "function" ? globalThis.__constellationInspect(${argument}) : null`,
    )) ?? EMPTY
  );
}

/** The connected badge or topic host for `id` (the `nth`, in registration order). */
export async function hostFor(
  page: Page,
  kind: 'person' | 'topic',
  id: string,
  nth = 0,
): Promise<InspectedHost | undefined> {
  const { hosts } = await inspect(page);
  return hosts.filter((h) => h.kind === kind && h.id === id && h.connected)[nth];
}

/** Moves the real mouse onto a badge or topic (a trusted pointer event). */
export async function hoverHost(
  page: Page,
  kind: 'person' | 'topic',
  id: string,
  nth = 0,
): Promise<InspectedHost> {
  const host = await hostFor(page, kind, id, nth);
  if (!host) throw new Error(`no ${kind} host for ${id}`);
  await page.mouse.move(host.box.x + host.box.width / 2, host.box.y + host.box.height / 2);
  return host;
}

/** Clicks a badge or topic with the real mouse. */
export async function clickHost(
  page: Page,
  kind: 'person' | 'topic',
  id: string,
  nth = 0,
): Promise<void> {
  const host = await hostFor(page, kind, id, nth);
  if (!host) throw new Error(`no ${kind} host for ${id}`);
  await page.mouse.click(host.box.x + host.box.width / 2, host.box.y + host.box.height / 2);
}

/** The card's status ("loading", "ready", "error") or null when no card is shown. */
export async function cardStatus(page: Page): Promise<string | null> {
  return (await inspect(page)).card?.status ?? null;
}

/** Elements matching `selector` inside the open card (its closed root), with text and attributes. */
export async function cardQuery(page: Page, selector: string): Promise<CardElement[]> {
  return (
    (await evaluateIsolated<CardElement[]>(
      page,
      `typeof globalThis.__constellationCardQuery === "function" ? globalThis.__constellationCardQuery(${JSON.stringify(selector)}) : []`,
    )) ?? []
  );
}

/** Focuses a badge or topic as a keyboard user would: Tab from the start of the page. */
export async function tabTo(page: Page, kind: 'person' | 'topic', id: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
  });
  for (let i = 0; i < 200; i++) {
    const focused = (await inspect(page)).focused;
    if (focused?.kind === kind && focused.id === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the ${kind} ${id}`);
}

/** Connected hosts with an ancestor that has `tag` (if given) and every class in `classes`. */
export async function hostsWithin(
  page: Page,
  tags: string[],
  classes: string[] = [],
): Promise<InspectedHost[]> {
  const { hosts } = await inspect(page);
  return hosts.filter(
    (h) =>
      h.connected &&
      h.ancestors.some(
        (a) =>
          (tags.length === 0 || tags.includes(a.tag)) &&
          classes.every((c) => a.classes.includes(c)),
      ),
  );
}
