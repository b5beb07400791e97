/**
 * A filter of the owner's report or comments that cannot be read (a `--since` that is not a day, an unknown
 * `--sort`): the message is for the person who typed it. The command line answers it with exit code 2, the
 * HTTP API with 400.
 */
export class InvalidFilter extends Error {}
