using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.CommandLine;

/// <summary>The real <c>recallhub</c> executable, run as a separate process as a user or CI would.</summary>
public sealed class RecallHubProcessTests
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "recallhub.dll");

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    [Fact]
    public async Task Parse_ReadsStandardInputAndExitsByValidity()
    {
        using var process = Start("parse", "--json");
        await process.StandardInput.WriteAsync(Some.Pack + "\n0103400930270386\n");
        process.StandardInput.Close();
        string output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("A53014", JsonDocument.Parse(lines[0]).RootElement.GetProperty("lot").GetString());
    }

    [Fact]
    public async Task Serve_AnswersTheHealthEndpointUntilStopped()
    {
        int port = FreePort();
        using var process = Start("serve", "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            JsonElement? health = null;
            for (int attempt = 0; attempt < 200 && health is null; attempt++)
            {
                try
                {
                    health = await http.GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
            }

            Assert.NotNull(health);
            Assert.Equal("healthy", health.Value.GetProperty("status").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
