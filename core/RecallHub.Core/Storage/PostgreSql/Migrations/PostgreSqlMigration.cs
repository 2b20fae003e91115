namespace RecallHub.Core.Storage.PostgreSql.Migrations;

/// <summary>One numbered step of the PostgreSQL schema, applied once in its own transaction.</summary>
/// <param name="Version">The schema version this step leads to: 1, 2, 3… without gaps.</param>
/// <param name="Name">What the step does, recorded in <c>schema_migrations</c>.</param>
/// <param name="Sql">The statements; they must not manage transactions themselves.</param>
internal sealed record PostgreSqlMigration(int Version, string Name, string Sql);
