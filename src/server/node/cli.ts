import { readFileSync } from 'node:fs';
import { CommandFailed, UsageError } from './command-line.js';
import { USAGE as SERVE_USAGE } from './serve-options.js';
import { SchemaTooNew } from '../stores/schema-version.js';

/** What `was-this-helpful` and `was-this-helpful --help` print. */
export const USAGE = `Usage: was-this-helpful <command> [options]

Commands:
  serve      run the votes endpoint (and keep the follow-ups readers send)
  report     which pages need work: each item's votes, share of yes and top reason
  comments   list the follow-ups: why readers voted, newest first
  purge      delete the follow-ups received before a date
  version    print the version

was-this-helpful <command> --help shows the options of each.

${SERVE_USAGE}`;

/** The version of this package, from its package.json (four folders up from `dist/node/server/node/cli.js`). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

/**
 * Each command's module, loaded when it runs: `report` and the other owner's commands do not pay for starting
 * the HTTP server's modules.
 */
const COMMANDS = {
  serve: async () => (await import('./serve-command.js')).serveCommand,
  report: async () => (await import('./report-command.js')).reportCommand,
  comments: async () => (await import('./comments-command.js')).commentsCommand,
  purge: async () => (await import('./purge-command.js')).purgeCommand,
};

/** The loader of the command named `name`, if there is one (`toString` and the like are not commands). */
const commandLoader = (name: string | undefined) =>
  name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name as keyof typeof COMMANDS] : undefined;

export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  try {
    const load = commandLoader(command);
    if (load) {
      const run = await load();
      await run(args);
    } else if (command === '--version' || command === 'version') console.log(packageVersion());
    else if (command === undefined || command === '--help' || command === 'help') console.log(USAGE);
    else throw new UsageError(`Unknown command "${command}"\n\n${USAGE}`);
  } catch (error) {
    // Mistakes the person running it can fix get a message, not a stack trace.
    const exitCode =
      error instanceof UsageError ? 2 : error instanceof SchemaTooNew || error instanceof CommandFailed ? 1 : undefined;
    if (exitCode === undefined) throw error;
    console.error(`was-this-helpful: ${(error as Error).message}`);
    process.exit(exitCode);
  }
}
