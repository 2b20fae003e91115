using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Notices;
using RecallHub.Sources.AclSante.Fsn;
using RecallHub.Sources.AclSante.Units;
using RecallHub.Sources.AclSante.Wire;

namespace RecallHub.Sources.AclSante.Mapping;

/// <summary>
/// Turns a Field Safety Notice read from the wire into a hub <see cref="RecallNotice"/>: identity and versions, codes
/// checked with the Abstractions identifiers, lots, serials and date ranges as <see cref="LotSelector"/>s, and the
/// actions in plain French. Documented in <c>docs/sources.md</c>.
/// </summary>
/// <remarks>
/// A record is never dropped: one that cannot be understood becomes a low-confidence notice without products (it
/// blocks nothing) that carries the raw record and says in its title what is wrong, so that people see it.
/// </remarks>
internal static class NoticeMapper
{
    /// <summary>The plugin's id, the notices' <see cref="RecallNotice.Source"/>.</summary>
    public const string Source = "acl-sante";

    /// <summary>Maps a record read by the wire mapping.</summary>
    /// <param name="record">The record.</param>
    /// <param name="seenAt">When the hub read it: the date of a record that gives none.</param>
    public static NoticeReading Map(WireRecord record, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Notice is not { } fsn)
        {
            return Unreadable(record, seenAt, record.Unreadable ?? "it cannot be read");
        }

        var problems = new List<string>(fsn.Problems);
        var products = new List<RecalledProduct>();
        for (int i = 0; i < fsn.Devices.Count; i++)
        {
            products.AddRange(Products(fsn.Devices[i], i + 1, problems));
        }

        if (!products.Any(p => p.CodeScheme is not (CodeScheme.Reference or CodeScheme.Acl7)))
        {
            problems.Add("No device has a UDI-DI, ACL13 or GTIN that scans can be matched with: people must check the stock.");
        }

        var notice = new RecallNotice
        {
            Source = Source,
            SourceId = fsn.Reference,
            Version = Version(fsn, problems),
            Kind = Kind(fsn.ActionType),
            PublishedAt = fsn.IssueDate,
            Title = fsn.Title ?? Title(fsn),
            Reason = fsn.Problem,
            Risk = fsn.Risk,
            RecallLevels = Levels(fsn.Recipients),
            AlertNumber = fsn.AlertNumber,
            Actions = FsnActions.Of(fsn),
            Links = Links(fsn, problems),
            Products = products,
            IsLowConfidence = problems.Count > 0,
            RawPayload = record.Raw,
        };

        // The mapping should always give a valid notice; if a case slipped through, keep the record, never drop it.
        var invalid = RecallNoticeJson.Validate(notice);
        return invalid.Count > 0
            ? Unreadable(record, seenAt, string.Join("; ", invalid.Select(p => $"{p.Path}: {p.Message}")))
            : new NoticeReading(notice, problems, false, record.Date);
    }

    private static int Version(FieldSafetyNotice fsn, List<string> problems)
    {
        if (fsn.Type == FsnType.New)
        {
            return fsn.Version ?? 1;
        }

        if (fsn.Version is > 1)
        {
            return fsn.Version.Value;
        }

        // A follow-up must come out above the notice it updates; its issue date keeps later follow-ups higher still.
        int byDate = int.Parse(fsn.IssueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        problems.Add($"Follow-up of {fsn.Reference} without a version above 1: numbered {byDate} from its issue date.");
        return byDate;
    }

    private static List<RecalledProduct> Products(AffectedDevice device, int number, List<string> problems)
    {
        string who = device.TradeName is { } name ? $"Device {number} ({name})" : $"Device {number}";
        string? label = device.TradeName is { } trade
            ? device.CatalogueNumbers.Count > 0 ? $"{trade} (réf. {string.Join(", ", device.CatalogueNumbers)})" : trade
            : device.CatalogueNumbers.Count > 0 ? $"Réf. {string.Join(", ", device.CatalogueNumbers)}" : null;
        var selector = Selector(device, who, problems);

        var codes = new List<(CodeScheme Scheme, string Code, string? Label)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Add(CodeScheme scheme, string code, string? productLabel)
        {
            // The same number given as UDI-DI, GTIN and ACL13 is one product.
            if (keys.Add(Gtin.Normalize(code) ?? scheme + ":" + code))
            {
                codes.Add((scheme, code, productLabel));
            }
        }

        foreach (string written in device.UdiDis)
        {
            string code = Compact(written);
            if (code.StartsWith('+') && code.Length > 1)
            {
                Add(CodeScheme.Hibcc, code, label);
            }
            else if (Gtin.IsValid(code))
            {
                Add(CodeScheme.UdiDi, code, label);
            }
            else
            {
                Add(CodeScheme.Reference, code, Unchecked(label, code, "UDI-DI", "ce n'est pas un GTIN valide"));
                problems.Add($"{who}: UDI-DI '{written}' is not a GTIN with a valid check digit (nor a HIBCC code starting with '+').");
            }
        }

        foreach (string written in device.Acl13s)
        {
            string code = Compact(written);
            if (FrenchProductCode.IsAcl13(code))
            {
                Add(CodeScheme.Acl13, code, label);
            }
            else if (code.Length == 7 && FrenchProductCode.IsValidAcl7(code))
            {
                Add(CodeScheme.Acl7, code, label);
                problems.Add($"{who}: '{written}' is an ACL7, which scans never carry: people must match it.");
            }
            else
            {
                Add(CodeScheme.Reference, code, Unchecked(label, code, "ACL13", "ce n'est pas un ACL13 valide"));
                problems.Add($"{who}: ACL13 '{written}' is not 13 digits starting 3401 with a valid check digit.");
            }
        }

        foreach (string written in device.Gtins)
        {
            string code = Compact(written);
            if (Gtin.IsValid(code))
            {
                Add(CodeScheme.Gtin, code, label);
            }
            else
            {
                Add(CodeScheme.Reference, code, Unchecked(label, code, "GTIN", "ce n'est pas un GTIN valide"));
                problems.Add($"{who}: GTIN '{written}' does not have a valid check digit.");
            }
        }

        if (!codes.Any(c => c.Scheme != CodeScheme.Reference))
        {
            // Catalogue numbers are shown to people; with a scannable code they only label it.
            foreach (string reference in device.CatalogueNumbers)
            {
                Add(CodeScheme.Reference, Compact(reference), device.TradeName ?? label);
            }
        }

        if (codes.Count == 0)
        {
            problems.Add($"{who} has no UDI-DI, ACL13, GTIN or catalogue number.");
        }

        return [.. codes.Select(c => new RecalledProduct(c.Scheme, c.Code, c.Label, selector))];
    }

    private static LotSelector Selector(AffectedDevice device, string who, List<string> problems)
    {
        bool allLots = device.AllUnits;
        var lots = new List<LotEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void AddLot(string lot, DateOnly? expiry)
        {
            if (seen.Add(LotListParser.Key(lot)))
            {
                lots.Add(new LotEntry(lot, expiry));
            }
        }

        foreach (var lot in device.Lots)
        {
            AddLot(lot.Lot, lot.Expiry);
        }

        foreach (var written in device.LotRanges)
        {
            var range = Range(written, who, problems);
            if (range is null)
            {
                continue;
            }

            if (LotRangeExpander.Expand(range) is { } expanded)
            {
                expanded.ToList().ForEach(l => AddLot(l, null));
            }
            else
            {
                problems.Add($"{who}: lot range {range.First}–{range.Last} cannot be listed lot by lot (different prefixes, or more than {LotRangeExpander.MaxLots} lots); every lot is taken as concerned.");
                allLots = true;
            }
        }

        var serials = device.Serials.Select(s => Range(s, who, problems)).OfType<SerialRange>().Distinct().ToList();
        var selector = new LotSelector
        {
            AllLots = allLots,
            Lots = lots,
            Serials = serials,
            ExpiryRange = Dates(device.ExpiryRange, who, "expiry", problems),
            ProductionRange = Dates(device.ProductionRange, who, "production", problems),
        };
        if (selector.IsEmpty)
        {
            problems.Add($"{who}: no lot, serial or date range is given; every unit is taken as concerned.");
            selector = selector with { AllLots = true };
        }

        return selector;
    }

    private static SerialRange? Range(WireRange written, string who, List<string> problems)
    {
        var range = written.Text is not null
            ? SerialRangeParser.Parse(written.Text, out string? problem)
            : SerialRangeParser.FromEnds(written.First, written.Last, out problem);
        if (problem is not null)
        {
            problems.Add($"{who}: {problem}");
        }

        return range;
    }

    private static DateRange? Dates((DateOnly? From, DateOnly? To)? range, string who, string what, List<string> problems)
    {
        if (range is not { } r)
        {
            return null;
        }

        if (r is { From: { } from, To: { } to } && from > to)
        {
            problems.Add($"{who}: the {what} range {from:yyyy-MM-dd}–{to:yyyy-MM-dd} is written backwards; it is read from {to:yyyy-MM-dd} to {from:yyyy-MM-dd}.");
            return new DateRange(to, from);
        }

        return new DateRange(r.From, r.To);
    }

    private static NoticeKind Kind(string? actionType)
    {
        string type = actionType?.ToLowerInvariant() ?? "";
        return type switch
        {
            _ when type.Contains("information", StringComparison.Ordinal) => NoticeKind.Information,
            _ when type.Contains("withdrawal", StringComparison.Ordinal) || type.Contains("retrait", StringComparison.Ordinal) => NoticeKind.ProductWithdrawal,
            _ => NoticeKind.DeviceFieldSafetyNotice,
        };
    }

    private static RecallLevels Levels(IReadOnlyList<string> recipients)
    {
        var levels = RecallLevels.None;
        foreach (string recipient in recipients.Select(r => r.ToLowerInvariant()))
        {
            bool hospital = recipient.Contains("hospital", StringComparison.Ordinal) || recipient.Contains("hôpita", StringComparison.Ordinal)
                || recipient.Contains("établissement", StringComparison.Ordinal) || recipient.Contains("usage intérieur", StringComparison.Ordinal)
                || recipient is "pui";
            if (hospital)
            {
                levels |= RecallLevels.Hospitals;
            }
            else if (recipient.Contains("pharmac", StringComparison.Ordinal) || recipient.Contains("officine", StringComparison.Ordinal))
            {
                levels |= RecallLevels.Pharmacies;
            }

            if (recipient.Contains("wholesal", StringComparison.Ordinal) || recipient.Contains("grossiste", StringComparison.Ordinal)
                || recipient.Contains("distribut", StringComparison.Ordinal) || recipient.Contains("dépositaire", StringComparison.Ordinal))
            {
                levels |= RecallLevels.Wholesalers;
            }

            if (recipient.Contains("patient", StringComparison.Ordinal) || recipient.Contains("utilisateur", StringComparison.Ordinal)
                || recipient.Contains("user", StringComparison.Ordinal))
            {
                levels |= RecallLevels.Patients;
            }
        }

        // The portal feeds pharmacies' stock software: a notice that names nobody still concerns the shelf.
        return levels == RecallLevels.None ? RecallLevels.Pharmacies : levels;
    }

    private static List<NoticeLink> Links(FieldSafetyNotice fsn, List<string> problems)
    {
        var links = new List<NoticeLink>();
        void Add(string url, string? title)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                links.Add(new NoticeLink(uri, title));
            }
            else
            {
                problems.Add($"Attachment '{url}' ({title ?? "sans titre"}) is not an absolute http(s) URL; it stays in the raw record.");
            }
        }

        foreach (var attachment in fsn.Attachments)
        {
            Add(attachment.Url, attachment.Title);
        }

        if (fsn.ReplyFormUrl is { } form && !fsn.Attachments.Any(a => a.Url == form))
        {
            Add(form, "Formulaire de réponse");
        }

        return links;
    }

    private static string Title(FieldSafetyNotice fsn)
    {
        var names = fsn.Devices.Select(d => d.TradeName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var parts = new[] { $"Avis de sécurité {fsn.Reference}", names.Count > 0 ? string.Join(", ", names) : null, fsn.Manufacturer };
        return string.Join(" – ", parts.Where(p => p is not null));
    }

    private static string Unchecked(string? label, string code, string what, string why) =>
        (label is null ? "" : label + " – ") + $"{what} {code} à vérifier : {why}";

    private static string Compact(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c)));

    private static NoticeReading Unreadable(WireRecord record, DateTimeOffset seenAt, string why)
    {
        // The record's own bytes name it: the same broken record is the same notice each pull, and its corrected version
        // (same reference, same version) is not mistaken for a repeat of it.
        string sourceId = "illisible-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Raw)))[..16];
        var notice = new RecallNotice
        {
            Source = Source,
            SourceId = sourceId,
            Kind = NoticeKind.DeviceFieldSafetyNotice,
            PublishedAt = record.Date ?? seenAt,
            Title = $"Avis ACL Santé {record.Reference ?? "sans référence"} illisible, à vérifier : {why}",
            RecallLevels = RecallLevels.Pharmacies,
            IsLowConfidence = true,
            RawPayload = record.Raw,
        };
        return new NoticeReading(notice, [$"Record {sourceId} could not be read: {why}."], true, record.Date);
    }
}
