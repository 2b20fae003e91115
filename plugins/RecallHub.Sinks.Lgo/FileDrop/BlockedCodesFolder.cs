using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.Lgo.Recalls;

namespace RecallHub.Sinks.Lgo.FileDrop;

/// <summary>
/// The file drop for LGOs that read files: <c>blocked-packs.csv</c> and <c>blocked-packs.json</c> in one folder,
/// listing the packs blocked now, each file replaced whole (<see cref="AtomicFile"/>) after every change.
/// </summary>
internal sealed class BlockedCodesFolder
{
    /// <summary>The CSV file's name.</summary>
    public const string CsvFileName = "blocked-packs.csv";

    /// <summary>The JSON file's name.</summary>
    public const string JsonFileName = "blocked-packs.json";

    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly BlockedCodeSet _set;
    private bool _stale = true;

    public BlockedCodesFolder(string folder, IPluginContext context)
    {
        _folder = folder;
        _time = context.Time;
        _set = new BlockedCodeSet(context.State);
    }

    /// <summary>The CSV file's path.</summary>
    public string CsvPath => Path.Combine(_folder, CsvFileName);

    /// <summary>The JSON file's path.</summary>
    public string JsonPath => Path.Combine(_folder, JsonFileName);

    /// <summary>Reads the stored set and writes the files from it, so that they exist and are true from the start.</summary>
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        AtomicFile.RemoveLeftovers(CsvPath);
        AtomicFile.RemoveLeftovers(JsonPath);
        await _set.LoadAsync(cancellationToken).ConfigureAwait(false);
        _stale = false;
        Write();
    }

    /// <summary>Applies the batch's stock events; when they change something, writes the files, then saves the set.</summary>
    public async ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, RecallHeadlines headlines, CancellationToken cancellationToken)
    {
        try
        {
            if (_stale)
            {
                await _set.LoadAsync(cancellationToken).ConfigureAwait(false);
                _stale = false;
            }

            if (await _set.ApplyAsync(events, headlines, cancellationToken).ConfigureAwait(false))
            {
                // Files first: if saving fails, the retried batch applies again and writes the same files.
                Write();
                await _set.SaveAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // What was applied in memory was not saved: start again from the state on the retry.
            _stale = true;
            throw;
        }
    }

    private void Write()
    {
        var codes = _set.Codes;
        AtomicFile.Write(CsvPath, BlockedCodesCsv.Render(codes));
        var document = new BlockedCodesDocument(1, _time.GetUtcNow(), codes.Count, codes);
        AtomicFile.Write(JsonPath, JsonSerializer.SerializeToUtf8Bytes(document, LgoJsonContext.Readable.BlockedCodesDocument));
    }
}
