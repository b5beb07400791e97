/**
 * Schema versions, shared by the stores. Each store keeps an ordered list of migrations (migration `n`
 * brings the schema from version `n` to `n + 1`) and records the version reached in the database itself, so
 * that a new release brings an existing database up to date when it starts.
 */

/** The database was migrated by a newer release than this one: starting would risk misreading it. */
export class SchemaTooNew extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `the database's schema is version ${found}, and this was-this-helpful knows versions up to ${known}: ` +
        'a newer release set it up. Upgrade was-this-helpful (the database is left as it is).',
    );
  }
}

/** The migrations still to apply to a database at version `current`; throws `SchemaTooNew` past the last. */
export function pendingMigrations<T>(current: number, migrations: readonly T[]): T[] {
  if (current > migrations.length) throw new SchemaTooNew(current, migrations.length);
  return migrations.slice(current);
}
