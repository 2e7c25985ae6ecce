// `keygen` and `sign`: an Ed25519 key pair for a feed publisher, and a detached signature
// (<feed>.sig) over the exact bytes of a feed file. Each signature is checked with the
// extension's own verifier before it is written, so what we publish is what it accepts.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { verifyDetachedSignature } from '../feed/signature';
import { CliError, type Command } from './cli-types';
import { readSource } from './cli-validate';
import { generateEd25519KeyPair, signBytes } from './keys';
import { writeFileAtomic } from './write-atomic';

export const runKeygen: Command = {
  summary: 'make an Ed25519 key pair for signing feeds (<prefix>.key, <prefix>.pub)',
  help: [
    'Usage: constellation-feed keygen [--out <prefix>] [--force]',
    '',
    '  --out <prefix>  file name prefix (default: feed-signing): writes <prefix>.key (private, mode 600)',
    '                  and <prefix>.pub (the public key to configure in the extension)',
    '  --force         overwrite existing files',
  ],
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`, 2);
    const prefix = path.resolve(
      io.cwd,
      typeof values.out === 'string' ? values.out : 'feed-signing',
    );
    const keyFile = `${prefix}.key`;
    const pubFile = `${prefix}.pub`;
    if (!values.force) {
      for (const file of [keyFile, pubFile]) {
        if (await exists(file))
          throw new CliError(`${path.relative(io.cwd, file)} exists; use --force to replace it`);
      }
    }
    const pair = generateEd25519KeyPair();
    await writeFileAtomic(keyFile, pair.privateKeyPem, { mode: 0o600 });
    await writeFileAtomic(pubFile, pair.publicKeyPem);
    io.err(
      `wrote ${path.relative(io.cwd, keyFile)} (private: keep it secret) and ${path.relative(io.cwd, pubFile)} (public)`,
    );
    io.out(pair.publicKeyPem.trimEnd());
    return 0;
  },
};

export const runSign: Command = {
  summary: 'write a detached signature <feed>.sig with a private key',
  help: [
    'Usage: constellation-feed sign <feed> --key <private.pem> [--out <file>]',
    '',
    '  --key <file>  PEM private key: Ed25519 (from keygen) or ECDSA P-256',
    '  --out <file>  where to write the signature (default: <feed>.sig)',
    '',
    'Sign the exact bytes you publish; any later change to the file (even white space) breaks the signature.',
  ],
  options: { key: { type: 'string' }, out: { type: 'string' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new CliError('expected exactly one feed file', 2);
    if (typeof values.key !== 'string') throw new CliError('--key <private.pem> is required', 2);
    const feedFile = positionals[0]!;
    const bytes = await readSource(feedFile, io);
    let keyText: string;
    try {
      keyText = await readFile(path.resolve(io.cwd, values.key), 'utf8');
    } catch {
      throw new CliError(`${values.key}: cannot read the key file`);
    }
    const signed = signBytes(bytes, keyText);
    if (!signed.ok) throw new CliError(`${values.key}: ${signed.reason}`);
    const check = await verifyDetachedSignature(bytes, signed.signature, signed.publicKeyPem);
    if (!check.ok)
      throw new CliError(`the new signature does not verify (${check.reason}); nothing written`);
    const out = path.resolve(
      io.cwd,
      typeof values.out === 'string' ? values.out : `${feedFile}.sig`,
    );
    await writeFileAtomic(out, `${signed.signature}\n`);
    io.err(`wrote ${path.relative(io.cwd, out)} (${signed.algorithm} over ${bytes.length} bytes)`);
    return 0;
  },
};

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
