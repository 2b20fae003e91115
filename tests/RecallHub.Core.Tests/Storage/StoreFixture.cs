using Dapper;
using Microsoft.Data.Sqlite;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;

namespace RecallHub.Core.Tests.Storage;

/// <summary>A real SQLite file in a temporary folder of its own, deleted at the end of the test.</summary>
public sealed class StoreFixture : StoreTestFixture
{
    public StoreFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "recallhub-store-tests", Guid.NewGuid().ToString("N"));
        DatabasePath = Path.Combine(Folder, "data", "recallhub.db");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public override bool IsMultiPharmacy => false;

    public override string Location => DatabasePath;

    protected override async Task<IRecallHubStore> OpenStoreCoreAsync() =>
        await SqliteRecallHubStore.OpenAsync(DatabasePath, Clock, cancellationToken: TestContext.Current.CancellationToken);

    public async Task<SqliteRecallHubStore> OpenAsync() => (SqliteRecallHubStore)await OpenStoreAsync();

    /// <summary>A raw connection to the file, to look behind the store's back.</summary>
    public SqliteConnection RawConnection()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public override long Scalar(string sql)
    {
        using var connection = RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override string? Text(string sql)
    {
        using var connection = RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    public override void Execute(string sql)
    {
        using var connection = RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>What SQLite plans for a query, one line per step (<c>EXPLAIN QUERY PLAN</c>); Dapper expands list parameters.</summary>
    public string QueryPlan(string sql, object? parameters = null)
    {
        using var connection = RawConnection();
        var steps = connection.Query<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters);
        return string.Join("\n", steps.Select(s => s.Detail));
    }

    public override DateTimeOffset? Instant(string sql) => Text(sql) is { } text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    public override void RefuseScansWithRawCode(string rawCode) =>
        Execute($"CREATE TRIGGER refuse_poison BEFORE INSERT ON pack_scans WHEN NEW.raw_code = '{rawCode}' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END;");

    public override void Close()
    {
        base.Close();
        SqliteConnection.ClearAllPools();
    }

    public override ValueTask DisposeAsync()
    {
        Close();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Notices and scans that are valid unless a test says otherwise.</summary>
internal static class Notices
{
    public const string Cip13 = "3400930270387";
    public const string OtherCip13 = "3400937944892";
    public const string Gtin14 = "0" + Cip13;

    public static readonly DateTimeOffset Published = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(1));

    public static RecallNotice LotRecall(
        string source = "ansm",
        string sourceId = "rappel-doliprane-2026",
        int version = 1,
        string? alertNumber = "MED26/A019/B018",
        params string[] lots) => new()
        {
            Source = source,
            SourceId = sourceId,
            Version = version,
            Kind = NoticeKind.LotRecall,
            PublishedAt = Published,
            Title = "Doliprane 1000 mg, comprimé – Sanofi (MED26/A019/B018)",
            Reason = "Défaut de qualité",
            RecallLevels = RecallLevels.Pharmacies | RecallLevels.Hospitals,
            AlertNumber = alertNumber,
            Actions = ["Mettre en quarantaine", "Retourner au laboratoire"],
            Products = [Product(Cip13, lots.Length == 0 ? ["A53014"] : lots)],
            RawPayload = "<html>notice " + sourceId + " v" + version + "</html>",
        };

    public static RecalledProduct Product(string cip13, params string[] lots) =>
        new(CodeScheme.Cip13, cip13, "Doliprane 1000 mg", new LotSelector { Lots = lots.Select(l => new LotEntry(l, new DateOnly(2028, 2, 29))).ToList() });
}
