using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Example;

/// <summary>
/// Appends each hub event to a JSON Lines file (one JSON object a line) for another program to read: the event's id,
/// sequence, type, date, recall, the notice's title and alert number, the pack concerned, the plain-French message.
/// </summary>
/// <remarks>
/// Setting: <c>path</c> (required). The hub may hand a batch over again after a crash (delivery is at least once): the
/// sink remembers the last sequence number written in its state and skips what it already wrote.
/// </remarks>
public sealed class EventFileSink : IRecallSink
{
    /// <summary>The plugin's id, as in plugin.json.</summary>
    public const string Id = "event-file";

    private const string LastSequenceKey = "last_sequence";

    // French stays readable in the file (é, «, ») and no byte order mark precedes the first line.
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private IPluginContext? _context;
    private string? _path;

    /// <inheritdoc />
    public ValueTask StartAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _path = Path.GetFullPath(context.Settings.GetString("path"));
        if (!Directory.Exists(Path.GetDirectoryName(_path)))
        {
            throw new PluginConfigurationException($"Setting 'path' of plugin '{context.PluginId}': folder '{Path.GetDirectoryName(_path)}' does not exist.");
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var context = _context ?? throw new InvalidOperationException("The sink was not started.");
        string? stored = await context.State.GetAsync(LastSequenceKey, cancellationToken).ConfigureAwait(false);
        long last = stored is null ? 0 : long.Parse(stored, CultureInfo.InvariantCulture);
        var fresh = events.Where(e => e.Sequence > last).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        // Written first, remembered after: a crash in between writes the lines again rather than losing them.
        await File.AppendAllLinesAsync(_path!, fresh.Select(Line), Utf8, cancellationToken).ConfigureAwait(false);
        await context.State.SetAsync(LastSequenceKey, fresh[^1].Sequence.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        context.Log.Write(PluginLogLevel.Information, $"{fresh.Count} event(s) written to {_path}.");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Line(HubEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("type", JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Type.ToString()));
            json.WriteString("occurred_at", e.OccurredAt);
            if (e.RecallId is { } recall)
            {
                json.WriteNumber("recall_id", recall);
            }

            json.WriteString("title", e.Notice?.Title);
            json.WriteString("alert_number", e.Notice?.AlertNumber);
            if (e.Pack is { } pack)
            {
                json.WriteStartObject("pack");
                json.WriteString("cip13", pack.Cip13);
                json.WriteString("gtin", pack.Gtin);
                json.WriteString("lot", pack.Lot);
                json.WriteString("serial", pack.Serial);
                json.WriteEndObject();
            }

            json.WriteString("message", e.Message);
            json.WriteString("decision", e.Decision);
            json.WriteEndObject();
        }

        return Utf8.GetString(buffer.ToArray());
    }
}
