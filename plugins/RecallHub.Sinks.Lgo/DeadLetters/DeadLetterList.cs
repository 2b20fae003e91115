using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.Lgo.FileDrop;
using RecallHub.Sinks.Lgo.State;

namespace RecallHub.Sinks.Lgo.DeadLetters;

/// <summary>
/// The events the webhook gave up on, kept in the plugin's state and shown in <c>dead-letter.json</c> (in the file
/// drop folder, or where <c>dead_letter_file</c> says) so that the pharmacist sees what the LGO was not told.
/// </summary>
/// <param name="state">The plugin's state.</param>
/// <param name="file">The file that shows the list, or <see langword="null"/> for none (the log still says it).</param>
/// <param name="time">The hub's clock.</param>
internal sealed class DeadLetterList(IPluginStateStore state, string? file, TimeProvider time)
{
    /// <summary>The file's name in the file drop folder.</summary>
    public const string FileName = "dead-letter.json";

    /// <summary>How many dead letters are kept; older ones are dropped (each was logged as an error).</summary>
    public const int MaxKept = 1000;

    private readonly PagedStateList<DeadLetter> _list = new(state, "webhook:dead-letters", LgoJsonContext.Default.DeadLetter);
    private readonly List<DeadLetter> _letters = [];

    /// <summary>The dead letters, oldest first.</summary>
    public IReadOnlyList<DeadLetter> Letters => _letters;

    /// <summary>Reads the list and shows it in the file.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        var (items, _) = await _list.LoadAsync(cancellationToken).ConfigureAwait(false);
        _letters.Clear();
        _letters.AddRange(items);
        WriteFile();
    }

    /// <summary>Adds an event (once), saves the list and shows it.</summary>
    public async ValueTask AddAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        if (_letters.Exists(l => l.EventId == letter.EventId))
        {
            return;
        }

        _letters.Add(letter);
        if (_letters.Count > MaxKept)
        {
            _letters.RemoveRange(0, _letters.Count - MaxKept);
        }

        await _list.SaveAsync(_letters, [], cancellationToken).ConfigureAwait(false);
        WriteFile();
    }

    private void WriteFile()
    {
        if (file is null)
        {
            return;
        }

        AtomicFile.RemoveLeftovers(file);
        var document = new DeadLetterDocument(1, time.GetUtcNow(), _letters.Count, _letters);
        AtomicFile.Write(file, JsonSerializer.SerializeToUtf8Bytes(document, LgoJsonContext.Readable.DeadLetterDocument));
    }
}
