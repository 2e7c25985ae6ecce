// `validate <file|url>`: the extension's own validator over a feed file or URL. Prints each
// skipped record with its JSON path and line:column, then a summary; exits 1 when the
// document is rejected (or, with --strict, when any record is skipped, or when a
// signature check was asked for and fails). --json prints one JSON object instead.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { verifyDetachedSignature, type SignatureVerification } from '../feed/signature';
import { validateFeedText } from '../model/validate';
import { CliError, type CliIo, type Command } from './cli-types';
import { formatValidation, validationReport } from './report';

export const runValidate: Command = {
  summary: 'check a feed file or URL exactly as the extension would',
  help: [
    'Usage: constellation-feed validate <file|url> [--json] [--strict] [--public-key <pem>] [--signature <file|url>]',
    '',
    '  --json              print one JSON object: {ok, source, problems[{path, line, column, reason, …}], counts} or {ok: false, error}',
    '  --strict            exit 1 when any record would be skipped, not only when the feed is rejected',
    '  --public-key <pem>  also verify the detached signature (<feed>.sig unless --signature is given)',
    '  --signature <path>  the signature file or URL to check',
  ],
  options: {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    'public-key': { type: 'string' },
    signature: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new CliError('expected exactly one feed file or URL', 2);
    const source = positionals[0]!;
    const bytes = await readSource(source, io);
    // The extension decodes response bodies as UTF-8 (Response.text()); so do we.
    const text = new TextDecoder('utf-8').decode(bytes);
    const report = validationReport(text, source, validateFeedText(text));

    let signature: SignatureVerification | undefined;
    if (typeof values['public-key'] === 'string') {
      const publicKey = new TextDecoder().decode(await readSource(values['public-key'], io));
      const sigSource = typeof values.signature === 'string' ? values.signature : `${source}.sig`;
      const sigText = new TextDecoder().decode(await readSource(sigSource, io));
      signature = await verifyDetachedSignature(bytes, sigText, publicKey);
    }

    if (values.json) io.out(JSON.stringify(signature ? { ...report, signature } : report, null, 2));
    else {
      formatValidation(report).forEach((line) => io.out(line));
      if (signature)
        io.out(
          signature.ok
            ? `${source}: signature ok (${signature.algorithm})`
            : `${source}: error: ${signature.reason}`,
        );
    }
    if (!report.ok) return 1;
    if (signature && !signature.ok) return 1;
    if (values.strict && report.problems.length > 0) return 1;
    return 0;
  },
};

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
