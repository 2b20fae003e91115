using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace RecallHub.Tests.PostgreSql;

/// <summary>
/// A real PostgreSQL server for tests: the one named by <c>RECALLHUB_TEST_POSTGRES</c> (a connection string) when it
/// is set, else one private server per test process, made with <c>initdb</c> in a temporary folder, listening on a
/// free port of 127.0.0.1, and stopped when the process exits. Each fixture gets a fresh database of its own.
/// </summary>
/// <remarks>
/// No server, no test: when none can be found or started, <see cref="CreateDatabaseAsync"/> throws with how to
/// install one (<c>apt-get install postgresql</c>); the tests fail rather than pass without having run.
/// </remarks>
public static class TestPostgreSqlServer
{
    /// <summary>The environment variable naming an existing server.</summary>
    public const string EnvironmentVariable = "RECALLHUB_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    /// <exception cref="InvalidOperationException">No server could be found or started; the message says how to get one.</exception>
    public static async Task<string> CreateDatabaseAsync()
    {
        string admin = await Server.Value.ConfigureAwait(false);
        string name = string.Create(CultureInfo.InvariantCulture, $"recallhub_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        string admin = await Server.Value.ConfigureAwait(false);
        string name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return given;
        }

        string bin = FindBinaries() ?? throw new InvalidOperationException(
            "The PostgreSQL store tests need a PostgreSQL server, and none was found: no initdb under /usr/lib/postgresql/*/bin. " +
            "Install one (Debian: apt-get install postgresql; tests/run-all.sh does it), or set " + EnvironmentVariable +
            " to the connection string of a server where the tests may create databases.");

        string folder = Path.Combine(Path.GetTempPath(), "recallhub-pg-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        string data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);

        // initdb refuses to run as root: the server then runs as the postgres account, which must own the folder.
        bool root = Environment.UserName == "root";
        if (root)
        {
            await RunAsync("chown", ["postgres", folder], null).ConfigureAwait(false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], root).ConfigureAwait(false);
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            string options = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"], root).ConfigureAwait(false);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The port was taken between the probe and the start: another one.
                continue;
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, folder, root);
            return string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(string bin, string data, string folder, bool root)
    {
        try
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], root).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is ending: a server left behind is stopped with its folder by the next clean of /tmp.
        }
    }

    // Runs a program, as the postgres account when asked (runuser), and fails with its output when it fails.
    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool? asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres == true ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres == true)
        {
            foreach (string a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The test PostgreSQL server could not be set up: {program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error.ConfigureAwait(false)} {await output.ConfigureAwait(false)}");
        }
    }
}
