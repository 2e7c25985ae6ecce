// axe inside the hovercards (issue 17): on demo pages the cards live in closed shadow roots,
// which axe cannot enter (annotate.e2e checks them through Chromium's accessibility tree).
// Here the same card component and styles render cards built from the demo organisation in
// real IndexedDB (test/e2e/support/cards.page.tsx) into an open shadow root in real Chromium,
// served from 127.0.0.1, and axe checks every card state in light and dark.
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runPageBenchmark } from '../../scripts/bench/harness';

declare function showCard(name: string, theme: 'light' | 'dark'): void;

describe('hovercards pass axe', () => {
  it('every card state, light and dark, has no serious or critical violation', async () => {
    const feed = readFileSync(new URL('../../public/demo-feed.json', import.meta.url), 'utf8');
    const checked: { state: string; theme: string; text: string; problems: string[] }[] = [];
    const run = await runPageBenchmark<string[]>({
      entry: 'test/e2e/support/cards.page.tsx',
      exportName: 'prepareCards',
      args: ['/feed.json'],
      files: { '/feed.json': { body: feed, contentType: 'application/json' } },
      afterRun: async (page: Page) => {
        const states = await page.evaluate(
          () => (globalThis as unknown as { cardStates: string[] }).cardStates,
        );
        for (const state of states)
          for (const theme of ['light', 'dark'] as const) {
            await page.evaluate(([s, t]) => showCard(s, t), [state, theme] as const);
            const text = await page.evaluate(
              () =>
                document.querySelector('body > div')!.shadowRoot!.querySelector('.card')
                  ?.textContent ?? '',
            );
            // The card's host only: the test page around it is not what ships.
            const results = await new AxeBuilder({ page }).include('body > div').analyze();
            checked.push({
              state,
              theme,
              text,
              problems: results.violations
                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map(
                  (v) =>
                    `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
                ),
            });
          }
      },
    });
    expect(run.result).toEqual([
      'loading',
      'error',
      'person (anonymous)',
      'topic (anonymous)',
      'person (identified)',
      'topic (identified)',
      'community',
    ]);
    expect(checked).toHaveLength(14);
    // The cards really rendered, with their data (axe over an empty root would pass).
    const textOf = (state: string) => checked.find((c) => c.state === state)!.text;
    expect(textOf('person (anonymous)')).toContain('Fatima');
    expect(textOf('community')).toContain('SRE Guild');
    expect(textOf('topic (identified)')).toMatch(/Machine Learning/i);
    expect(
      checked.filter((c) => c.problems.length > 0).map((c) => [c.state, c.theme, c.problems]),
    ).toEqual([]);
  }, 120_000);
});
