// The `constellation-feed` command line: argument parsing, help, and the promise that every
// failure ends as one readable line and an exit code, never a stack trace. Exit codes:
// 0 success; 1 the input was refused (rejected feed, failed build, bad signature, unreadable
// file); 2 the command line itself was wrong. The commands live in cli-*.ts.
import { parseArgs } from 'node:util';
import { runBuild } from './cli-build';
import { runDiscover } from './cli-discover';
import { runKeygen, runSign } from './cli-keys';
import { runServe } from './cli-serve';
import { CliError, type CliIo, type Command } from './cli-types';
import { runValidate } from './cli-validate';

export { CliError, type CliIo, type Command } from './cli-types';

const COMMANDS: Record<string, Command> = {
  validate: runValidate,
  build: runBuild,
  sign: runSign,
  keygen: runKeygen,
  serve: runServe,
  discover: runDiscover,
};

const HELP = [
  'constellation-feed — tools for publishers of Constellation feeds (format: docs/feed-tooling.md)',
  '',
  'Usage: constellation-feed <command> [options]   (constellation-feed <command> --help for details)',
  '',
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`),
  '',
  'Exit codes: 0 success, 1 input refused (rejected feed, failed build, bad signature), 2 usage error.',
];

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic ? COMMANDS[topic] : undefined;
    (command ? commandHelp(topic!, command) : HELP).forEach((l) => io.out(l));
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(
      `constellation-feed: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}; see --help)`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    commandHelp(name, command).forEach((l) => io.out(l));
    return 0;
  }
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: rest,
        options: command.options,
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new CliError(`${firstLine(error)} (see constellation-feed ${name} --help)`, 2);
    }
    return await command.run(parsed as Parameters<Command['run']>[0], io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(
        error.message.startsWith('constellation-feed') || /^\S+:\d+/.test(error.message)
          ? error.message
          : `constellation-feed ${name}: ${error.message}`,
      );
      return error.exitCode;
    }
    io.err(`constellation-feed ${name}: unexpected failure: ${firstLine(error)}`);
    if (process.env.CONSTELLATION_DEBUG) io.err(error instanceof Error ? (error.stack ?? '') : '');
    return 1;
  }
}

function commandHelp(name: string, command: Command): string[] {
  return [`constellation-feed ${name} — ${command.summary}`, '', ...command.help];
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** Entry point of bin/constellation-feed.js. */
export async function runFromProcess(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
