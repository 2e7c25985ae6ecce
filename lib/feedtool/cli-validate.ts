// `validate <file|url>`: the extension's own verdict (lib/feed/verdict.ts: the same function
// the sync runs, over the same bytes) on a feed file or URL. Prints each problem with its JSON
// path, line:column and what it cost (record left out, left out with it, value dropped), then
// the verdict's sentence; exits 1 when the document is rejected or the invalid-record
// threshold refuses it (or, with --strict, when any record is left out or value dropped, or
// when a signature check was asked for and fails). --json prints one JSON object instead.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { verifyDetachedSignature, type SignatureVerification } from '../feed/signature';
import { feedVerdict, type FeedVerdict } from '../feed/verdict';
import { DEFAULT_MAX_INVALID_SHARE } from '../settings';
import type { ProblemEffect } from '../model/validate';
import { CliError, type CliIo, type Command } from './cli-types';
import { formatCounts, formatLocation, validationReport, type ValidationReport } from './report';

const COST: Record<ProblemEffect, string> = {
  skipped: 'error',
  dependent: 'error',
  dropped: 'warning',
};
const CONSEQUENCE: Record<ProblemEffect, string> = {
  skipped: 'record left out',
  dependent: 'left out with it',
  dropped: 'value dropped, record kept',
};

export const runValidate: Command = {
  summary: 'check a feed file or URL exactly as the extension would',
  help: [
    'Usage: constellation-feed validate <file|url> [--json] [--strict] [--max-invalid-share <percent>] [--public-key <pem>] [--signature <file|url>]',
    '',
    '  --json              print one JSON object: {ok, source, problems[{path, line, column, reason, effect, …}], counts, verdict} or {ok: false, error}',
    '  --strict            exit 1 when any record would be left out or value dropped, not only when the feed is refused',
    `  --max-invalid-share refuse (exit 1) when more than this percentage of records are bad in themselves, as the extension does (default ${DEFAULT_MAX_INVALID_SHARE * 100})`,
    '  --public-key <pem>  also verify the detached signature (<feed>.sig unless --signature is given)',
    '  --signature <path>  the signature file or URL to check',
  ],
  options: {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    'max-invalid-share': { type: 'string' },
    'public-key': { type: 'string' },
    signature: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new CliError('expected exactly one feed file or URL', 2);
    const source = positionals[0]!;
    const maxInvalidShare = shareOption(values['max-invalid-share']);
    const bytes = await readSource(source, io);
    const verdict = feedVerdict(bytes, { maxInvalidShare });
    // Positions are looked up in the text the verdict read (UTF-8, as the extension does).
    const text = new TextDecoder('utf-8').decode(bytes);
    const report = validationReport(text, source, verdict.validation);
    const summary = verdictJson(verdict);

    let signature: SignatureVerification | undefined;
    if (typeof values['public-key'] === 'string') {
      const publicKey = new TextDecoder().decode(await readSource(values['public-key'], io));
      const sigSource = typeof values.signature === 'string' ? values.signature : `${source}.sig`;
      const sigText = new TextDecoder().decode(await readSource(sigSource, io));
      signature = await verifyDetachedSignature(bytes, sigText, publicKey);
    }

    if (values.json) {
      const json = summary ? { ...report, verdict: summary } : report;
      io.out(JSON.stringify(signature ? { ...json, signature } : json, null, 2));
    } else {
      formatVerdict(report, verdict).forEach((line) => io.out(line));
      if (signature)
        io.out(
          signature.ok
            ? `${source}: signature ok (${signature.algorithm})`
            : `${source}: error: ${signature.reason}`,
        );
    }
    if (!report.ok) return 1;
    if (verdict.ok && verdict.threshold) return 1;
    if (signature && !signature.ok) return 1;
    if (values.strict && report.problems.length > 0) return 1;
    return 0;
  },
};

function shareOption(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return DEFAULT_MAX_INVALID_SHARE;
  const percentValue = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(percentValue) || percentValue < 0 || percentValue > 100)
    throw new CliError(`--max-invalid-share must be a percentage from 0 to 100, not "${value}"`, 2);
  return percentValue / 100;
}

function verdictJson(verdict: FeedVerdict) {
  if (!verdict.ok) return undefined;
  return {
    sentence: verdict.sentence,
    ...verdict.counts,
    ...(verdict.threshold ? { refused: verdict.threshold } : {}),
  };
}

/** One line per problem with what it cost, then the verdict's sentence and the counts. */
function formatVerdict(report: ValidationReport, verdict: FeedVerdict): string[] {
  if (!report.ok) {
    const e = report.error;
    return [`${formatLocation(report.source, e.line, e.column)}: error: rejected: ${e.reason}`];
  }
  if (!verdict.ok) return [`${report.source}: error: rejected: ${verdict.sentence}`];
  const lines = report.problems.map(
    (p) =>
      `${formatLocation(report.source, p.line, p.column)}: ${COST[p.effect]}: ${p.path}${p.id ? ` (${p.id})` : ''}: ${p.reason}; ${CONSEQUENCE[p.effect]}`,
  );
  const counts = formatCounts(report.counts);
  if (verdict.threshold) {
    lines.push(`${report.source}: refused: ${verdict.threshold} — ${verdict.sentence}`);
  } else {
    lines.push(
      `${report.source}: ${report.problems.length === 0 ? 'valid' : 'accepted'} — ${verdict.sentence} ${counts}`,
    );
  }
  return lines;
}

/** The bytes of a file or an http(s) URL; failures become one-line CliErrors. */
export async function readSource(source: string, io: CliIo): Promise<Uint8Array> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
    } catch (error) {
      const cause =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      throw new CliError(`${source}: cannot fetch: ${cause}`);
    }
    if (!response.ok)
      throw new CliError(`${source}: HTTP ${response.status} ${response.statusText}`.trim());
    return new Uint8Array(await response.arrayBuffer());
  }
  try {
    return new Uint8Array(await readFile(path.resolve(io.cwd, source)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `${source}: cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message}`,
    );
  }
}
