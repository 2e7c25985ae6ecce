#!/usr/bin/env node
// constellation-feed: the feed publisher's command line. A thin shim: it registers tsx's
// loader (so the TypeScript sources in lib/ run as-is, sharing lib/model with the
// extension) and hands over to lib/feedtool/cli.ts.
import { register } from 'tsx/esm/api';

register();
const { runFromProcess } = await import('../lib/feedtool/cli.ts');
await runFromProcess();
