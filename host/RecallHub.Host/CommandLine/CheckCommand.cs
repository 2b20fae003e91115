using System.CommandLine;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Core.Checking;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub check CODE [--database FILE] [--pharmacy FINESS]</c>: may this pack leave (in that pharmacy: its lifted
/// blocks count, no other's)? Exit code 0 when allowed, 1 when blocked
/// (including "check by hand"), 2 when the code identifies no product or on bad usage.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TimeProvider time)
    {
        var code = new Argument<string>("CODE") { Description = "The scanned code; \\x1d stands for GS." };
        var database = DatabaseOption.Create();
        var pharmacy = PharmacyOption.Create("where the pack is");
        var command = new Command("check", "Say whether a scanned pack may leave: allow, or block with the recall and what to do.") { code, database, pharmacy };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            string text;
            try
            {
                text = ControlCharacterEscapes.Unescape(result.GetValue(code)!);
            }
            catch (FormatException e)
            {
                await error.WriteLineAsync($"recallhub check: {e.Message}").ConfigureAwait(false);
                return RecallHubCommandLine.UsageError;
            }

            var reading = BarcodeReader.Read(text, new BarcodeReaderOptions { TimeProvider = time });
            PackChecker? checker = null;
            string pharmacyKey = "";
            // The same checker as the running hub's, lifted blocks included; a check writes nothing, so no sink is needed.
            int loaded = await EngineAccess.RunAsync(result.GetValue(database)!, result.GetValue(pharmacy), shared: false, pluginsPath: "", time, error, "check", async (services, scope) =>
            {
                var recalls = services.GetRequiredService<ActiveRecallsCache>();
                await recalls.RefreshAsync(cancellationToken).ConfigureAwait(false);
                checker = recalls.Checker;
                pharmacyKey = scope.Pharmacy;
                return 0;
            }, cancellationToken).ConfigureAwait(false);
            if (checker is null)
            {
                return loaded;
            }

            PackCheckResult check;
            try
            {
                check = checker.Check(reading, pharmacyKey);
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"recallhub check: {e.Message.Split(" (Parameter")[0]}").ConfigureAwait(false);
                foreach (var problem in reading.Errors)
                {
                    await error.WriteLineAsync($"  {problem.Code} at {problem.Position}: {problem.Message}").ConfigureAwait(false);
                }

                return RecallHubCommandLine.UsageError;
            }

            await output.WriteLineAsync(check.Verdict == CheckVerdict.Allow ? "ALLOW" : check.NeedsManualCheck ? "BLOCK (à vérifier)" : "BLOCK").ConfigureAwait(false);
            await output.WriteLineAsync(check.Message).ConfigureAwait(false);
            await output.WriteLineAsync(check.Action).ConfigureAwait(false);
            foreach (var recall in check.Recalls)
            {
                string lift = recall.Lift is { } l ? $" (block lifted by {l.By}: {l.Reason})" : "";
                await output.WriteLineAsync($"  recall {recall.RecallId}: {recall.Title}{(recall.AlertNumber is null ? "" : $" [{recall.AlertNumber}]")} — {recall.Outcome}{lift}").ConfigureAwait(false);
            }

            foreach (var problem in reading.Errors)
            {
                await output.WriteLineAsync($"  code: {problem.Code} at {problem.Position}: {problem.Message}").ConfigureAwait(false);
            }

            return check.Verdict == CheckVerdict.Allow ? 0 : 1;
        });
        return command;
    }
}
