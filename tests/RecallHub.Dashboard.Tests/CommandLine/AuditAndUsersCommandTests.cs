using Microsoft.Data.Sqlite;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Dashboard.Tests.Support;
using RecallHub.Host.CommandLine;

namespace RecallHub.Dashboard.Tests.CommandLine;

public sealed class AuditAndUsersCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-dashboard-tests", Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(_folder, "hub.db");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuditVerify_OnAnUntouchedLog_SaysOk()
    {
        await WriteEntriesAsync(3);

        var run = await RunAsync(["audit", "verify", "--database", Database]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("OK: 3 audit entries verified; last entry 3, hash ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_FindsARowChangedInTheDatabaseFile()
    {
        await WriteEntriesAsync(4);

        // What someone with the file could do: remove the guard, then rewrite who lifted the block.
        await ExecuteRawAsync("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Quelqu''un d''autre' WHERE id = 2;");
        var run = await RunAsync(["audit", "verify", "--database", Database]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("BROKEN at entry 2: its content does not match its hash", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_FindsARowRemovedFromTheMiddle()
    {
        await WriteEntriesAsync(4);

        await ExecuteRawAsync("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;");
        var run = await RunAsync(["audit", "verify", "--database", Database]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("BROKEN at entry 3: its previous hash does not match", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDatabaseItself_RefusesToUpdateOrDeleteAuditRows()
    {
        await WriteEntriesAsync(1);

        var update = await Assert.ThrowsAsync<SqliteException>(() => ExecuteRawAsync("UPDATE audit_log SET details = 'x';"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => ExecuteRawAsync("DELETE FROM audit_log;"));

        Assert.Contains("never changed", update.Message, StringComparison.Ordinal);
        Assert.Contains("never deleted", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_ReadsThePasswordFromStandardInput_AndUsersListShowsTheAccount()
    {
        var added = await RunAsync(["users", "add", "Claire Martin", "--role", "pharmacist", "--database", Database], "un-mot-de-passe-long\n");
        var duplicate = await RunAsync(["users", "add", "claire martin", "--role", "assistant", "--database", Database], "un-autre-mot-de-passe\n");
        var shortPassword = await RunAsync(["users", "add", "Léo", "--role", "assistant", "--database", Database], "court\n");
        var list = await RunAsync(["users", "list", "--database", Database]);

        Assert.Equal(0, added.ExitCode);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Equal(RecallHubCommandLine.UsageError, shortPassword.ExitCode);
        Assert.Contains("Claire Martin", list.Output, StringComparison.Ordinal);
        Assert.Contains("pharmacist", list.Output, StringComparison.Ordinal);
        Assert.Contains("1 account(s).", list.Output, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(_folder), file => Assert.DoesNotContain("un-mot-de-passe-long", File.ReadAllText(file, System.Text.Encoding.Latin1), StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string input = "")
    {
        using var stdin = new StringReader(input);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exit = await RecallHubCommandLine.RunAsync(args, stdin, output, error, Some.Clock());
        return (exit, output.ToString(), error.ToString());
    }

    private async Task WriteEntriesAsync(int count)
    {
        using var store = await SqliteRecallHubStore.OpenAsync(Database, Some.Clock(), cancellationToken: Token);
        await using var session = await store.OpenSessionAsync(Token);
        for (int i = 1; i <= count; i++)
        {
            await session.Audit.AppendAsync(new AuditEntry(Some.Today.AddMinutes(i), Some.Pharmacist, "block.lifted", $"block:{i}", "lot vérifié"), Token);
        }
    }

    private async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Token);
    }
}
