/**
 * The web app's files as served: named by a hash of their content under `/assets/` (so they may
 * be kept for a year, and a new build is a new name), the documents pointed at those names, and
 * every text file written beside its Brotli and gzip forms, packed once at build at their best.
 * @module
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { compressible, MIN_COMPRESS_BYTES } from '../functions/core/compression';
import { ASSETS, typeOf } from '../infra/web-files';

/** What each file the documents name is served as: `/styles.css` → `/assets/styles-1a2b3c4d5e.css`. */
export type AssetNames = Record<string, string>;

export const contentHash = (bytes: Buffer | string) =>
  createHash('sha256').update(bytes).digest('base64url').replace(/[-_]/g, '').slice(0, 10).toLowerCase();

/** Writes `bytes` as `assets/<name>-<hash><ext>` in `outdir`; returns its address. */
export function writeHashed(outdir: string, name: string, bytes: Buffer | string): string {
  const ext = extname(name);
  const file = `${basename(name, ext)}-${contentHash(bytes)}${ext}`;
  writeFileSync(join(outdir, ASSETS, file), bytes);
  return `/${ASSETS}/${file}`;
}

/** A document with every `href`/`src` naming one of `names` pointed at its hashed address. */
export function pointAtHashed(html: string, names: AssetNames): string {
  return html.replace(/\b(href|src)="([^"]+)"/g, (whole, attr: string, url: string) =>
    names[url] ? `${attr}="${names[url]}"` : whole,
  );
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file in `outdir` large enough to gain,
 * each only where it is smaller than the file. Returns the bytes before and after, for the log.
 */
export function precompress(
  outdir: string,
  /** `best` for what deploys; `fast` for a local start, which should not wait (Brotli 5, gzip 6). */
  effort: 'best' | 'fast' = 'best',
): { files: number; plain: number; br: number; gz: number } {
  const sum = { files: 0, plain: 0, br: 0, gz: 0 };
  for (const path of walk(outdir)) {
    if (/\.(br|gz|map)$/.test(path) || !compressible(typeOf(path))) continue;
    const plain = readFileSync(path);
    if (plain.byteLength < MIN_COMPRESS_BYTES) continue;
    const br = brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: effort === 'best' ? 11 : 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength,
      },
    });
    const gz = gzipSync(plain, { level: effort === 'best' ? 9 : 6 });
    if (br.byteLength < plain.byteLength) writeFileSync(`${path}.br`, br);
    if (gz.byteLength < plain.byteLength) writeFileSync(`${path}.gz`, gz);
    sum.files++;
    sum.plain += plain.byteLength;
    sum.br += Math.min(br.byteLength, plain.byteLength);
    sum.gz += Math.min(gz.byteLength, plain.byteLength);
  }
  return sum;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** The file's path relative to the web root, as an address (`/assets/app-…js`). */
export const addressOf = (outdir: string, path: string) => `/${relative(outdir, path).split('\\').join('/')}`;
