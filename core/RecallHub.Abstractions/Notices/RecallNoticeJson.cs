using System.Text.Json;
using System.Text.RegularExpressions;
using RecallHub.Abstractions.Identifiers.ProductCodes;

namespace RecallHub.Abstractions.Notices;

/// <summary>
/// The JSON form of <see cref="RecallNotice"/> (snake_case; see <c>docs/notices.md</c>): the body of
/// <c>POST /api/v1/notices</c>, the output of <c>recallhub source parse</c>, and what the store keeps per revision.
/// </summary>
public static partial class RecallNoticeJson
{
    private static readonly RecallNoticeJsonContext Indented = new(new JsonSerializerOptions(RecallNoticeJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>Writes <paramref name="notice"/> as JSON.</summary>
    /// <param name="notice">The notice.</param>
    /// <param name="indented">Whether to indent for people.</param>
    public static string Serialize(RecallNotice notice, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var context = indented ? Indented : RecallNoticeJsonContext.Default;
        return JsonSerializer.Serialize(notice, context.RecallNotice);
    }

    /// <summary>Reads a notice and checks it against the contract (<see cref="Validate"/>).</summary>
    /// <param name="json">One notice as a JSON object.</param>
    /// <exception cref="RecallNoticeFormatException">
    /// The JSON is malformed, has an unknown or missing member, or the notice breaks the contract; every problem has
    /// its JSON path.
    /// </exception>
    public static RecallNotice Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RecallNotice? notice;
        bool hasVersion;
        try
        {
            notice = JsonSerializer.Deserialize(json, RecallNoticeJsonContext.Default.RecallNotice);
            hasVersion = HasTopLevelMember(json, "version");
        }
        catch (JsonException e)
        {
            throw new RecallNoticeFormatException([new NoticeProblem(PathOf(e), Explain(e))]);
        }

        if (notice is null)
        {
            throw new RecallNoticeFormatException([new NoticeProblem("$", "Expected a notice object, found null.")]);
        }

        // The serializer gives an omitted member its type's default (0), not the property's initial value (1).
        if (!hasVersion)
        {
            notice = notice with { Version = 1 };
        }

        var problems = Validate(notice);
        return problems.Count == 0 ? notice : throw new RecallNoticeFormatException(problems);
    }

    /// <summary>Checks a notice against the contract: identifiers, product codes with their check digits, selectors, ranges, links.</summary>
    /// <param name="notice">The notice to check.</param>
    /// <returns>Every problem found; empty when the notice is valid.</returns>
    public static IReadOnlyList<NoticeProblem> Validate(RecallNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var problems = new List<NoticeProblem>();
        if (!SourceId().IsMatch(notice.Source))
        {
            problems.Add(new("$.source", $"'{notice.Source}' is not a source id: use lower-case letters, digits and '-' (e.g. 'ansm')."));
        }

        if (string.IsNullOrWhiteSpace(notice.SourceId))
        {
            problems.Add(new("$.source_id", "The notice's id at its source must not be empty."));
        }

        if (notice.Version < 1)
        {
            problems.Add(new("$.version", $"The version must be 1 or more, not {notice.Version}."));
        }

        if (notice.PublishedAt == default)
        {
            problems.Add(new("$.published_at", "The publication date-time is required (ISO 8601 with offset, e.g. 2026-11-22T09:30:00+01:00)."));
        }

        if (string.IsNullOrWhiteSpace(notice.Title))
        {
            problems.Add(new("$.title", "The title must not be empty."));
        }

        bool needsProducts = notice.Kind != NoticeKind.Information && !notice.IsLowConfidence;
        if (needsProducts && notice.Products.Count == 0)
        {
            problems.Add(new("$.products", $"A {Name(notice.Kind)} notice needs at least one product; set low_confidence to true to keep a notice whose products could not be read."));
        }

        for (int i = 0; i < notice.Links.Count; i++)
        {
            var url = notice.Links[i].Url;
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add(new($"$.links[{i}].url", $"'{url}' is not an absolute http(s) URL."));
            }
        }

        for (int i = 0; i < notice.Products.Count; i++)
        {
            ValidateProduct(notice.Products[i], $"$.products[{i}]", notice.Kind, problems);
        }

        return problems;
    }

    private static void ValidateProduct(RecalledProduct product, string path, NoticeKind kind, List<NoticeProblem> problems)
    {
        string code = product.Code;
        string? wrong = product.CodeScheme switch
        {
            CodeScheme.Gtin or CodeScheme.UdiDi => Gtin.IsValid(code) ? null : $"'{code}' is not a GTIN (8, 12, 13 or 14 digits with a valid check digit).",
            CodeScheme.Cip13 => FrenchProductCode.IsCip13(code) ? null : $"'{code}' is not a CIP13 (13 digits starting 34009 with a valid check digit).",
            CodeScheme.Acl13 => FrenchProductCode.IsAcl13(code) ? null : $"'{code}' is not an ACL13 (13 digits starting 3401 with a valid check digit).",
            CodeScheme.Cip7 or CodeScheme.Acl7 => code.Length == 7 && code.All(char.IsAsciiDigit) ? null : $"'{code}' is not a 7-digit code.",
            _ => string.IsNullOrWhiteSpace(code) ? "The code must not be empty." : null,
        };
        if (wrong is not null)
        {
            problems.Add(new(path + ".code", wrong));
        }

        var selector = product.Selector;
        if (selector.IsEmpty && kind != NoticeKind.Information)
        {
            problems.Add(new(path + ".selector", "Say which units are concerned: all_lots, lots, serials, expiry_range or production_range."));
        }

        for (int j = 0; j < selector.Lots.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(selector.Lots[j].Lot))
            {
                problems.Add(new($"{path}.selector.lots[{j}].lot", "A lot must not be empty."));
            }
        }

        for (int j = 0; j < selector.Serials.Count; j++)
        {
            var range = selector.Serials[j];
            if (string.IsNullOrWhiteSpace(range.First) || string.IsNullOrWhiteSpace(range.Last))
            {
                problems.Add(new($"{path}.selector.serials[{j}]", "Both ends of a serial range must be given (the same serial twice for one serial)."));
            }
            else if (range.First.Length == range.Last.Length && string.CompareOrdinal(range.First, range.Last) > 0)
            {
                problems.Add(new($"{path}.selector.serials[{j}]", $"The range starts after it ends ('{range.First}' > '{range.Last}')."));
            }
        }

        CheckRange(selector.ExpiryRange, path + ".selector.expiry_range", problems);
        CheckRange(selector.ProductionRange, path + ".selector.production_range", problems);
    }

    private static void CheckRange(DateRange? range, string path, List<NoticeProblem> problems)
    {
        if (range is { From: null, To: null })
        {
            problems.Add(new(path, "A date range needs from, to or both."));
        }
        else if (range is { From: { } from, To: { } to } && from > to)
        {
            problems.Add(new(path, $"The range starts after it ends ({from:yyyy-MM-dd} > {to:yyyy-MM-dd})."));
        }
    }

    private static bool HasTopLevelMember(string json, string name)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name))
            {
                return true;
            }

            if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return false;
    }

    // A missing required member is detected at the end of its object, where the reader's path names the object's
    // last member: the object itself is the place to point at.
    private static string PathOf(JsonException e)
    {
        string path = e.Path ?? "$";
        if (!e.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return path;
        }

        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "$";
    }

    private static string Explain(JsonException e)
    {
        // System.Text.Json's messages name CLR types; say it in the contract's words, keeping the line number.
        string where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        string message = e.Message;
        int pathIndex = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (pathIndex > 0)
        {
            message = message[..pathIndex];
        }

        message = message
            .Replace("RecallHub.Abstractions.Notices.", "", StringComparison.Ordinal)
            .Replace("could not be mapped to any .NET member contained in type", "is not a member of", StringComparison.Ordinal)
            .Replace("JSON deserialization for type", "The object", StringComparison.Ordinal)
            .Replace("was missing required properties including:", "lacks the required member", StringComparison.Ordinal);
        return message + where;
    }

    private static string Name(NoticeKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SourceId();
}
