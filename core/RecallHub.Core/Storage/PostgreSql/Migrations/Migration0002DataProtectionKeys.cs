namespace RecallHub.Core.Storage.PostgreSql.Migrations;

/// <summary>
/// PostgreSQL schema version 2: the hosts' shared ASP.NET data-protection key ring, so that a dashboard cookie or an
/// anti-forgery token written by one host behind the reverse proxy is read by every other.
/// </summary>
internal static class Migration0002DataProtectionKeys
{
    public const string Sql = """
        CREATE TABLE data_protection_keys (
            friendly_name  text PRIMARY KEY,
            xml            text NOT NULL,
            stored_at      timestamptz NOT NULL DEFAULT now()
        );
        """;
}
