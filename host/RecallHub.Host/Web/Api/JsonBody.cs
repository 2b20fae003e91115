using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RecallHub.Host.Web.Api;

/// <summary>
/// Reads request bodies by hand rather than through minimal-API binding, which answers a malformed body with a bare
/// 400: the integrator is told what is wrong and where (JSON path, line and byte).
/// </summary>
internal static class JsonBody
{
    /// <summary>The whole body.</summary>
    public static async Task<byte[]> ReadAllAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Parses the body as JSON, or says why it is not JSON.</summary>
    public static bool TryParse(byte[] utf8, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        if (utf8.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            document = null;
            problem = ApiProblems.Invalid("Malformed body", [("$", "The body is empty: send a JSON object.")]);
            return false;
        }

        try
        {
            document = JsonDocument.Parse(utf8);
            return true;
        }
        catch (JsonException e)
        {
            document = null;
            problem = ApiProblems.Invalid("Malformed body", [(e.Path ?? "$", "The body is not JSON: " + Explain(e))]);
            return false;
        }
    }

    /// <summary>Reads the body into <typeparamref name="T"/> (strict: unknown members are refused), or says what is wrong where.</summary>
    public static bool TryRead<T>(byte[] utf8, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? problem)
        where T : class
    {
        problem = null;
        try
        {
            value = JsonSerializer.Deserialize(utf8, type);
        }
        catch (JsonException e)
        {
            value = null;
            problem = ApiProblems.Invalid("Malformed body", [(e.Path ?? "$", Explain(e))]);
            return false;
        }

        if (value is null)
        {
            problem = ApiProblems.Invalid("Malformed body", [("$", "Expected a JSON object, found null.")]);
            return false;
        }

        return true;
    }

    /// <summary>A System.Text.Json error in the API's words: no CLR type names, the line and byte kept.</summary>
    public static string Explain(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string message = e.Message;
        foreach (string tail in new[] { " Path:", " LineNumber:" })
        {
            int cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            int start = message.IndexOf('\'', StringComparison.Ordinal);
            int end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
            message = end > start ? $"'{message[(start + 1)..end]}' is not a member of this object." : "Unknown member.";
        }
        else if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            message = "Wrong type: expected " + Expected(message) + ".";
        }

        string where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return message + where;
    }

    private static string Expected(string message) =>
        message.Contains("System.String", StringComparison.Ordinal) && !message.Contains("List`1", StringComparison.Ordinal) ? "a string or null"
        : message.Contains("List`1", StringComparison.Ordinal) ? "an array"
        : message.Contains("Int", StringComparison.Ordinal) ? "a number"
        : message.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
        : "an object";
}
