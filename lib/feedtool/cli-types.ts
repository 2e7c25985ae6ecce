// Shared shapes of the command line: how commands write output, how they fail, and what a
// command declares (summary, help, options). Kept apart from cli.ts so that command modules
// and the dispatcher do not import each other.
import type { ParseArgsConfig } from 'node:util';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

/** A failure to report as one line. `exitCode` 2 means a usage error. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export interface Command {
  summary: string;
  /** Usage and option lines shown by --help. */
  help: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  run(
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    io: CliIo,
  ): Promise<number>;
}
