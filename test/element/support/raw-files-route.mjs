import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

/**
 * Serves the build output byte for byte. The dev server would otherwise rewrite bare imports in
 * `dist/` and hide whether the self-contained bundle really imports nothing.
 */
export function rawFilesRoute(prefix = '/dist/') {
  return async function rawFiles(ctx, next) {
    if (!ctx.path.startsWith(prefix)) return next();
    const file = normalize(join(process.cwd(), ctx.path));
    if (!file.startsWith(join(process.cwd(), prefix))) return next();
    try {
      ctx.body = await readFile(file);
      ctx.type = 'text/javascript';
    } catch {
      ctx.status = 404;
    }
  };
}
