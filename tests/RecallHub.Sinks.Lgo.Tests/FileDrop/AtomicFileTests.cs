using System.Text;
using System.Text.Json;
using RecallHub.Sinks.Lgo.FileDrop;
using RecallHub.Sinks.Lgo.Tests.Support;

namespace RecallHub.Sinks.Lgo.Tests.FileDrop;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_ReplacesTheWholeFile_AndLeavesNoTemporaryFile()
    {
        string target = _folder.File("blocked-packs.json");
        AtomicFile.Write(target, Encoding.UTF8.GetBytes(new string('x', 10_000)));

        AtomicFile.Write(target, "{}"u8);

        Assert.Equal("{}", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void AFailureBetweenTheTemporaryFileAndTheRename_KeepsTheOldContent_AndNoTemporaryFile()
    {
        string target = _folder.File("blocked-packs.json");
        AtomicFile.Write(target, """{"count":1}"""u8);
        string? temporary = null;

        Assert.Throws<IOException>(() => AtomicFile.Write(target, """{"count":2}"""u8, path =>
        {
            temporary = path;
            // The new content is complete and on disk before the rename.
            Assert.Equal("""{"count":2}""", File.ReadAllText(path));
            throw new IOException("The process is killed here.");
        }));

        Assert.Equal("""{"count":1}""", File.ReadAllText(target));
        Assert.StartsWith(_folder.Path, temporary, StringComparison.Ordinal);
        Assert.Equal([target], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void TemporaryFilesACrashLeft_AreRemoved_AndOnlyThose()
    {
        string target = _folder.File("blocked-packs.csv");
        File.WriteAllText(_folder.File(".blocked-packs.csv.0123456789abcdef.tmp"), "half a fi");
        File.WriteAllText(_folder.File("notes.tmp"), "the pharmacist's");
        AtomicFile.Write(target, "ok"u8);

        Assert.Equal(1, AtomicFile.RemoveLeftovers(target));

        Assert.Equal(["blocked-packs.csv", "notes.tmp"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task AReaderDuringReplacements_AlwaysReadsACompleteVersion()
    {
        string target = _folder.File("blocked-packs.json");
        AtomicFile.Write(target, Version(0));
        using var done = new CancellationTokenSource();
        int reads = 0;

        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(target));
                Assert.Equal(2000, document.RootElement.GetProperty("codes").GetArrayLength());
                reads++;
            }
        }, TestContext.Current.CancellationToken);

        for (int version = 1; version <= 200; version++)
        {
            AtomicFile.Write(target, Version(version));
        }

        await done.CancelAsync();
        await reader;
        Assert.True(reads > 0);
        Assert.Equal(200, JsonDocument.Parse(File.ReadAllBytes(target)).RootElement.GetProperty("version").GetInt32());
    }

    private static byte[] Version(int version) =>
        JsonSerializer.SerializeToUtf8Bytes(new { version, codes = Enumerable.Range(0, 2000).Select(i => $"0340093027{i:0000}").ToArray() });
}
