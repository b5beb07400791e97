import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { getMimeType } from 'hono/utils/mime';

/** The most bytes the files of a folder may come to: they are all kept in memory, some twice (gzipped). */
export const MAX_STATIC_BYTES = 64 * 2 ** 20;
/** The most files a folder may hold. */
export const MAX_STATIC_FILES = 10_000;

/** One form of a file's bytes as sent, with its strong validator. */
export interface Representation {
  body: Buffer;
  etag: string;
}

/** A file of the folder, as read at start. */
export interface StaticFile {
  type: string;
  identity: Representation;
  /** Only for a type that compresses and when gzip makes it smaller. */
  gzip?: Representation;
}

/** A folder that cannot be served; the message is for the person who started the server. */
export class StaticFolderError extends Error {}

const isInside = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** The real path of `path`, which may not exist yet: its nearest existing ancestor's real path, and the rest. */
function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

/**
 * Whether `file` (which may not exist yet) lies inside `folder`, comparing real paths: neither a symlink
 * to the folder nor `..` in either path hides it.
 */
export function liesInside(file: string, folder: string): boolean {
  return isInside(realPathOf(file), realPathOf(folder));
}

/** Reads at most `size` bytes: a file that grows after it was measured cannot pass the limit. */
function readMeasured(path: string, size: number): Buffer {
  const body = Buffer.alloc(size);
  const descriptor = openSync(path, 'r');
  try {
    let read = 0;
    while (read < size) {
      const count = readSync(descriptor, body, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return body.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}

const etagOf = (bytes: Buffer, suffix = '') =>
  `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}${suffix}"`;

function representations(name: string, body: Buffer): StaticFile {
  const type = getMimeType(name) ?? 'application/octet-stream';
  const identity = { body, etag: etagOf(body) };
  if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return { type, identity };
  const gzipped = gzipSync(body, { level: 9 });
  // The gzip variant's validator differs from the plain one's: they are different bytes.
  return gzipped.length < body.length
    ? { type, identity, gzip: { body: gzipped, etag: etagOf(body, '.gz') } }
    : { type, identity };
}

const number = (value: number) => value.toLocaleString('en-US');

/**
 * Reads the files of `folder` into memory, once, keyed by their URL path (`/guide/index.html`; a folder
 * with an `index.html` also as `/guide/` and `/guide`). Skipped: every name that starts with a dot, at any
 * depth; a symlink whose target lies outside the folder (real paths compared) or in a dot folder of it, or
 * that leads back to a folder it is in; anything that is neither a file nor a folder; `reservedPaths`.
 * Throws `StaticFolderError` past `MAX_STATIC_FILES` files or `MAX_STATIC_BYTES`, before reading a byte.
 */
export function readStaticFolder(
  folder: string,
  { reservedPaths = [] as readonly string[] } = {},
): Map<string, StaticFile> {
  const root = realpathSync(folder);
  const found: Array<{ path: string; file: string }> = [];
  // Sizes by real path: a file reached through several names is read, kept and counted once.
  const sizes = new Map<string, number>();
  // A folder is not entered again below itself (a symlink to an ancestor): no loop.
  const pending = [{ directory: root, path: '', ancestors: [root] }];
  const fail = (what: string, error: unknown) => {
    throw new StaticFolderError(
      `--static ${folder}: cannot read ${what}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  };
  while (pending.length > 0) {
    const { directory, path, ancestors } = pending.pop()!;
    let names: string[] = [];
    try {
      names = readdirSync(directory);
    } catch (error) {
      fail(path.slice(1) || '.', error);
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      let target = join(directory, name);
      let stats: Stats;
      try {
        if (lstatSync(target).isSymbolicLink()) {
          target = realpathSync(target);
          if (
            !isInside(target, root) ||
            relative(root, target)
              .split(sep)
              .some((part) => part.startsWith('.'))
          )
            continue;
        }
        stats = statSync(target);
      } catch {
        continue; // a dangling symlink, or a name that is gone already
      }
      if (stats.isDirectory()) {
        if (!ancestors.includes(target))
          pending.push({ directory: target, path: `${path}/${name}`, ancestors: [...ancestors, target] });
      } else if (stats.isFile()) {
        found.push({ path: `${path}/${name}`, file: target });
        sizes.set(target, stats.size);
        if (found.length > MAX_STATIC_FILES) {
          throw new StaticFolderError(
            `--static ${folder}: more than ${number(MAX_STATIC_FILES)} files; serve a folder this large with a web server`,
          );
        }
      }
    }
  }
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  if (total > MAX_STATIC_BYTES) {
    throw new StaticFolderError(
      `--static ${folder}: the files come to ${number(total)} bytes, over the limit of ${number(MAX_STATIC_BYTES)} (64 MiB); serve a folder this large with a web server`,
    );
  }
  const reserved = new Set(reservedPaths);
  const read = new Map<string, StaticFile>();
  const files = new Map<string, StaticFile>();
  for (const { path, file } of found) {
    if (reserved.has(path)) continue;
    let served = read.get(file);
    if (!served) {
      let body: Buffer = Buffer.alloc(0);
      try {
        body = readMeasured(file, sizes.get(file)!);
      } catch (error) {
        fail(path.slice(1), error);
      }
      served = representations(file, body);
      read.set(file, served);
    }
    files.set(path, served);
    if (path.endsWith('/index.html')) {
      const folderPath = path.slice(0, -'index.html'.length);
      for (const alias of [folderPath, folderPath.slice(0, -1)])
        if (alias !== '' && !reserved.has(alias)) files.set(alias, served);
    }
  }
  return files;
}
