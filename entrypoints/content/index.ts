// Content script: wiring only. Runs statically on a few public hosts and, through runtime
// registration, on sites the user enabled (lib/browser/site-access.ts); annotates the page
// (lib/annotate) and answers the popup's "this page" summary.
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  answerPageSummaries,
  contentClient,
  hovercardChunkUrl,
  siteChoiceFor,
  watchSiteChoice,
} from '../../lib/browser/content-client';
import { installInspector } from '../../lib/annotate/inspect';
import { importHovercardUi } from '../../lib/annotate/lazy';
import { annotateDocument } from '../../lib/annotate/page';
import { STATIC_HOSTS } from '../../lib/sites/static-hosts';

const RUNNING = '__constellationContentScript';

export default defineContentScript({
  matches: [...STATIC_HOSTS],
  runAt: 'document_idle',
  async main(ctx) {
    // Static and runtime registration (or an enable that injects at once) may both run us.
    const global = globalThis as unknown as Record<string, boolean>;
    if (global[RUNNING]) return;
    global[RUNNING] = true;
    const session = annotateDocument({
      document,
      client: contentClient(),
      loadUi: () => importHovercardUi(hovercardChunkUrl()),
      siteChoice: await siteChoiceFor(new URL(location.href)),
      signal: ctx.signal,
    });
    // A page type chosen in the options applies to this page at once, without a reload.
    watchSiteChoice(
      () => new URL(location.href),
      (choice) => session.choose(choice),
      ctx.signal,
    );
    answerPageSummaries(() => session.summary());
    installInspector();
  },
});
