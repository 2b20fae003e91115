using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MimeKit;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.Email.Composing;
using RecallHub.Sinks.Email.Rendering;
using RecallHub.Sinks.Email.Sending;

namespace RecallHub.Sinks.Email;

/// <summary>
/// E-mails the pharmacy as soon as a recall blocks packs of its stock or reaches packs it dispensed: what, which packs,
/// where they were scanned, what to do — in French, HTML and plain text, from the Scriban templates in
/// <c>templates/</c> beside the plugin. It also mails the hub's daily digest (<see cref="HubEventType.DailyDigest"/>)
/// as the hub rendered it.
/// </summary>
/// <remarks>
/// The hub retries a batch that failed; a message the server already accepted is not sent again (each event sent is
/// remembered in the plugin's state), and a message keeps the same Message-Id across retries so that a server or
/// client that sees it twice can drop the copy.
/// </remarks>
public sealed class EmailSink : IRecallSink
{
    private const string SentPrefix = "sent/";
    private const string RecallPrefix = "recall/";
    private const string DigestPrefix = "digest/";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Markup characters are encoded, French letters stay readable in the source of the message.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private IPluginContext? _context;
    private SmtpOptions? _smtp;
    private AlertTemplates? _templates;
    private string _pharmacyName = "Votre pharmacie";
    private Uri? _dashboard;

    /// <inheritdoc />
    public ValueTask StartAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _smtp = SmtpOptions.Read(context.Settings);
        _pharmacyName = context.Settings.GetString("pharmacy_name", _pharmacyName)!;
        _dashboard = context.Settings.Contains("dashboard_url") ? WithTrailingSlash(context.Settings.GetUri("dashboard_url")) : null;
        string folder = context.Settings.GetString("templates", null)
            ?? Path.Combine(Path.GetDirectoryName(typeof(EmailSink).Assembly.Location)!, "templates");
        _templates = AlertTemplates.Load(folder, context.PluginId);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var context = _context ?? throw new InvalidOperationException("The e-mail sink was not started.");

        foreach (var recall in events.Where(e => e.Notice is not null && e.RecallId is not null && e.Type is HubEventType.RecallReceived or HubEventType.RecallRevised))
        {
            await context.State.SetAsync(RecallPrefix + recall.RecallId, RecallFacts.From(recall.Notice!).ToJson(), cancellationToken).ConfigureAwait(false);
        }

        var facts = new Dictionary<long, RecallFacts?>();
        foreach (long id in events.Where(e => e.RecallId is not null).Select(e => e.RecallId!.Value).Distinct())
        {
            facts[id] = RecallFacts.FromJson(await context.State.GetAsync(RecallPrefix + id, cancellationToken).ConfigureAwait(false));
        }

        // Each message with the state keys that say it went out: the events' ids, and the day for a digest.
        var messages = new List<(MimeMessage Message, IReadOnlyList<string> SentKeys)>();
        foreach (var alert in RecallAlertComposer.Compose(events, id => facts.GetValueOrDefault(id)))
        {
            if (await AlreadySentAsync(context, alert, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            messages.Add((Compose(alert), [.. alert.EventIds.Select(id => SentPrefix + id)]));
        }

        foreach (var digest in events.Where(e => e is { Type: HubEventType.DailyDigest, Digest: not null }))
        {
            string dayKey = DigestPrefix + digest.Digest!.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

            // Once a day, whatever the event: a digest the hub wrote twice for one day is still one e-mail.
            if (messages.Any(m => m.SentKeys.Contains(dayKey)) || await context.State.GetAsync(dayKey, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            messages.Add((Compose(digest.Digest), [dayKey, SentPrefix + digest.Id]));
        }

        var byMessage = messages.ToDictionary(m => m.Message, m => m.SentKeys);
        await new SmtpMailer(_smtp!).SendAsync([.. messages.Select(m => m.Message)], async sent =>
        {
            foreach (string key in byMessage[sent])
            {
                await context.State.SetAsync(key, sent.MessageId ?? "", CancellationToken.None).ConfigureAwait(false);
            }

            context.Log.Write(PluginLogLevel.Information, $"Sent '{sent.Subject}' to {string.Join(", ", sent.To.Mailboxes.Select(m => m.Address))}.");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The message for an alert: subject, HTML and text parts, and a Message-Id that only its events decide.</summary>
    internal MimeMessage Compose(RecallAlert alert)
    {
        var html = AlertView.For(alert, _pharmacyName, _dashboard, Paris, Html.Encode);
        var text = AlertView.For(alert, _pharmacyName, _dashboard, Paris, s => s);
        var message = new MimeMessage
        {
            Subject = _templates!.Subject(text),
            MessageId = MessageIdFor(alert),
            Date = _context!.Time.GetUtcNow(),
            Body = new BodyBuilder { TextBody = _templates.Text(text), HtmlBody = _templates.Html(html) }.ToMessageBody(),
        };
        message.From.Add(_smtp!.From);
        message.To.AddRange(_smtp.To);
        message.Headers.Add("X-RecallHub-Recall", alert.RecallId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return message;
    }

    /// <summary>The digest as the hub rendered it, with a Message-Id that only its day decides.</summary>
    internal MimeMessage Compose(DigestDocument digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        string day = digest.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var message = new MimeMessage
        {
            Subject = digest.Subject.ReplaceLineEndings(" ").Trim(),
            MessageId = $"digest-{day}@recallhub.invalid",
            Date = _context!.Time.GetUtcNow(),
            Body = new BodyBuilder { TextBody = digest.Text, HtmlBody = digest.Html }.ToMessageBody(),
        };
        message.From.Add(_smtp!.From);
        message.To.AddRange(_smtp.To);
        message.Headers.Add("X-RecallHub-Digest", day);
        return message;
    }

    private static async ValueTask<bool> AlreadySentAsync(IPluginContext context, RecallAlert alert, CancellationToken cancellationToken)
    {
        foreach (string id in alert.EventIds)
        {
            if (await context.State.GetAsync(SentPrefix + id, cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static string MessageIdFor(RecallAlert alert)
    {
        string events = string.Join(",", alert.EventIds.Order(StringComparer.Ordinal));
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(events)))[..32];
        return $"recall-{alert.RecallId}.{hash}@recallhub.invalid";
    }

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
