// `serve <feed>`: runs the local feed server (serve.ts) until interrupted, after telling
// the publisher whether the feed is valid and which URL to give the extension.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateFeedText } from '../model/validate';
import { CliError, type Command } from './cli-types';
import { startFeedServer } from './serve';

export const runServe: Command = {
  summary: 'serve a feed on 127.0.0.1 (ETag, gzip, <feed>.sig) to try it with the extension',
  help: [
    'Usage: constellation-feed serve <feed> [--port <n>]',
    '',
    '  --port <n>  port on 127.0.0.1 (default 8787; 0 picks a free one)',
    '',
    'The file is read on every request, so edits show up on the next sync. Stop with Ctrl-C.',
  ],
  options: { port: { type: 'string' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new CliError('expected exactly one feed file', 2);
    const port = typeof values.port === 'string' ? Number(values.port) : 8787;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port "${String(values.port)}" is not a port number`, 2);
    const feedPath = path.resolve(io.cwd, positionals[0]!);
    let text: string;
    try {
      text = await readFile(feedPath, 'utf8');
    } catch {
      throw new CliError(`${positionals[0]}: cannot read the feed file`);
    }
    const validation = validateFeedText(text);
    if (!validation.ok)
      io.err(`warning: the extension will reject this feed: ${validation.error.reason}`);
    else if (validation.problems.length > 0)
      io.err(
        `warning: ${validation.problems.length} records will be skipped (constellation-feed validate shows which)`,
      );
    let server;
    try {
      server = await startFeedServer({ feedPath, port, log: (line) => io.err(line) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(
        code === 'EADDRINUSE'
          ? `port ${port} is in use; pick another with --port`
          : `cannot listen: ${(error as Error).message}`,
      );
    }
    io.out(`serving ${positionals[0]} at ${server.feedUrl}`);
    io.out(`signature (when ${path.basename(feedPath)}.sig exists): ${server.signatureUrl}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  },
};
