using System.CommandLine;
using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Host.CommandLine;

/// <summary><c>recallhub parse [--lenient] [--gs SUBSTITUTE] [--json] [CODE…]</c>: what a scanned code says.</summary>
internal static class ParseCommand
{
    public static Command Create(TextReader input, TimeProvider timeProvider)
    {
        var lenient = new Option<bool>("--lenient")
        {
            Description = "Read GS1 data from scanners that drop GS separators: report every valid reading, never pick one.",
        };
        var gs = new Option<string?>("--gs")
        {
            Description = "What the scanner sends instead of GS (e.g. '<GS>' or '~'); GS itself is always accepted.",
            HelpName = "SUBSTITUTE",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Write one JSON object per code (format in docs/identifiers.md).",
        };
        var codes = new Argument<string[]>("CODE")
        {
            Description = "Codes to read; \\x1d, \\x1e, \\x04 stand for GS, RS, EOT. Without codes, each line of standard input is read.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        codes.Validators.Add(result =>
        {
            // No code starts with '-', so such a token is a mistyped option, not something to read.
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unknown option '{token.Value}' for 'parse'.");
            }
        });
        var command = new Command("parse", "Read GS1 DataMatrix, CIP13/ACL13, HIBCC, IFA and ICCBBA codes and say what they identify.")
        {
            lenient,
            gs,
            json,
            codes,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (result.GetValue(gs) is "")
            {
                await error.WriteLineAsync("recallhub parse: --gs needs a non-empty substitute.").ConfigureAwait(false);
                return RecallHubCommandLine.UsageError;
            }

            var options = new BarcodeReaderOptions
            {
                Lenient = result.GetValue(lenient),
                GroupSeparatorSubstitute = result.GetValue(gs),
                TimeProvider = timeProvider,
            };
            IReadingWriter writer = result.GetValue(json) ? new ReadingJsonWriter(output) : new ReadingTextWriter(output);

            bool allValid = true;
            string[] arguments = result.GetValue(codes) ?? [];
            if (arguments.Length > 0)
            {
                foreach (var argument in arguments)
                {
                    string code;
                    try
                    {
                        code = ControlCharacterEscapes.Unescape(argument);
                    }
                    catch (FormatException e)
                    {
                        await error.WriteLineAsync($"recallhub parse: {e.Message}").ConfigureAwait(false);
                        return RecallHubCommandLine.UsageError;
                    }

                    allValid &= await WriteAsync(writer, code, options, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    allValid &= await WriteAsync(writer, line, options, cancellationToken).ConfigureAwait(false);
                }
            }

            return allValid ? 0 : 1;
        });
        return command;
    }

    private static async Task<bool> WriteAsync(IReadingWriter writer, string code, BarcodeReaderOptions options, CancellationToken cancellationToken)
    {
        var reading = BarcodeReader.Read(code, options);
        await writer.WriteAsync(reading, cancellationToken).ConfigureAwait(false);
        return reading.IsValid;
    }
}
