using System.CommandLine;
using System.Globalization;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Host.Digest;
using RecallHub.Host.Engine;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub digest --preview [--out FILE] [--day YYYY-MM-DD]</c> writes the digest's HTML without sending it;
/// <c>recallhub digest --send</c> writes today's digest to the sinks' outbox now, unless today's was already sent.
/// In a multi-pharmacy hub, <c>--pharmacy FINESS</c> says whose digest (required with <c>--preview</c>; without it
/// <c>--send</c> sends every pharmacy's). Settings come from <c>Hub:Digest</c> (appsettings.json, or <c>Hub__Digest__Time</c>… in the environment).
/// </summary>
internal static class DigestCommand
{
    public static Command Create(TimeProvider time)
    {
        var preview = new Option<bool>("--preview") { Description = "Write the digest's HTML (to --out, or standard output) without sending it." };
        var send = new Option<bool>("--send") { Description = "Send today's digest now through the sinks (once a day: not again if already sent)." };
        var output = new Option<string?>("--out") { Description = "With --preview: the HTML file to write.", HelpName = "FILE" };
        var dayOption = new Option<string?>("--day") { Description = "With --preview: the day (default today, Europe/Paris).", HelpName = "YYYY-MM-DD" };
        var database = DatabaseOption.Create();
        var plugins = EngineAccess.CreatePluginsOption();
        var pharmacy = PharmacyOption.Create("whose digest (with --send and none given: every pharmacy's)");
        var command = new Command("digest", "Preview or send the pharmacy's daily recall digest.") { preview, send, output, dayOption, database, plugins, pharmacy };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            bool isPreview = result.GetValue(preview), isSend = result.GetValue(send);
            if (isPreview == isSend)
            {
                await error.WriteLineAsync("recallhub digest: give --preview or --send.").ConfigureAwait(false);
                return RecallHubCommandLine.UsageError;
            }

            DateOnly? day = null;
            if (result.GetValue(dayOption) is { } text)
            {
                if (isSend || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await error.WriteLineAsync(isSend
                        ? "recallhub digest: --day goes with --preview; --send sends today's digest."
                        : $"recallhub digest: --day is '{text}'; expected YYYY-MM-DD.").ConfigureAwait(false);
                    return RecallHubCommandLine.UsageError;
                }

                day = parsed;
            }

            var configuration = HubConfiguration.Load();
            DigestOptions options;
            try
            {
                options = DigestOptions.Read(configuration);
            }
            catch (InvalidOperationException e)
            {
                await error.WriteLineAsync($"recallhub digest: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            var sinks = HubSinks.None;
            string pluginsPath = result.GetValue(plugins)!;
            if (isSend && File.Exists(pluginsPath))
            {
                try
                {
                    sinks = ConfiguredSinks.Read(PluginsFile.Read(pluginsPath), out _);
                }
                catch (PluginsFileException e)
                {
                    await error.WriteLineAsync($"recallhub digest: {e.Message}").ConfigureAwait(false);
                    return 1;
                }
            }

            try
            {
                await using var opened = await HubStoreOpener.OpenAsync(configuration, result.GetValue(database)!, time, cancellationToken).ConfigureAwait(false);
                // --send without --pharmacy sends every pharmacy's digest; a preview is one pharmacy's.
                var (scope, tenancy, exit) = await CommandPharmacy.ResolveAsync(configuration, opened.Store, result.GetValue(pharmacy), shared: isSend, error, "digest").ConfigureAwait(false);
                if (scope is not { } chosen)
                {
                    return exit;
                }

                var digest = new DailyDigest(opened.Store, new HubEventOutbox(sinks, time), options, DigestTemplates.Load(DigestTemplates.DefaultFolder), time, tenancy: tenancy);
                if (isPreview)
                {
                    var document = await digest.RenderAsync(chosen, day ?? digest.Today, cancellationToken).ConfigureAwait(false);
                    if (result.GetValue(output) is { } file)
                    {
                        await File.WriteAllTextAsync(file, document.Html, cancellationToken).ConfigureAwait(false);
                        await result.InvocationConfiguration.Output.WriteLineAsync($"{document.Subject}\nHTML written to {Path.GetFullPath(file)} (not sent).").ConfigureAwait(false);
                    }
                    else
                    {
                        await result.InvocationConfiguration.Output.WriteAsync(document.Html).ConfigureAwait(false);
                    }

                    return 0;
                }

                var results = !chosen.IsAll ? [await digest.SendAsync(chosen, digest.Today, cancellationToken).ConfigureAwait(false)]
                    : tenancy is { IsMultiPharmacy: true } ? await digest.SendAllAsync(digest.Today, cancellationToken).ConfigureAwait(false)
                    : [await digest.SendAsync(digest.Today, cancellationToken).ConfigureAwait(false)];
                foreach (var sent in results)
                {
                    string of = sent.Pharmacy is { } finess ? $" for pharmacy {finess}" : "";
                    string message = sent.Outcome switch
                    {
                        DigestSendOutcome.Sent => $"Digest of {sent.Day:yyyy-MM-dd}{of} written to the outbox of {string.Join(", ", sinks.Ids)}: the running hub delivers it (event {sent.EventId}).",
                        DigestSendOutcome.AlreadySent => $"Digest of {sent.Day:yyyy-MM-dd}{of} not sent: the digest of {sent.LastSentDay:yyyy-MM-dd} was already sent, and it goes once a day.",
                        _ => $"Digest of {sent.Day:yyyy-MM-dd}{of} not sent: {pluginsPath} lists no enabled sink to carry it.",
                    };
                    await (sent.Outcome == DigestSendOutcome.Sent ? result.InvocationConfiguration.Output : error).WriteLineAsync(message).ConfigureAwait(false);
                }

                return results.All(r => r.Outcome == DigestSendOutcome.Sent) ? 0 : 1;
            }
            catch (StoreException e)
            {
                await error.WriteLineAsync($"recallhub digest: {e.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (AggregateException e)
            {
                // Some pharmacies' digests failed; the others were sent, and each failure is said.
                foreach (var failure in e.InnerExceptions)
                {
                    await error.WriteLineAsync($"recallhub digest: {failure.Message}").ConfigureAwait(false);
                }

                return 1;
            }
        });
        return command;
    }
}
