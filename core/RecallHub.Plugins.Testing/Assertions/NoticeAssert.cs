using System.Globalization;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// Assertions on the notices a source produces, for the mistakes that make the hub refuse a page or miss a pack. Each
/// throws <see cref="PluginAssertionException"/> naming every notice and problem found, not only the first.
/// </summary>
public static class NoticeAssert
{
    /// <summary>
    /// Every check below at once: the hub's own rules (<see cref="RecallNoticeJson.Validate"/>), products, check
    /// digits, and no notice given twice with different contents.
    /// </summary>
    /// <param name="notices">The notices.</param>
    public static void WellFormed(IEnumerable<RecallNotice> notices)
    {
        var list = Materialise(notices);
        var problems = new List<string>();
        problems.AddRange(HubProblems(list));
        problems.AddRange(ProductProblems(list));
        problems.AddRange(CodeProblems(list));
        problems.AddRange(DuplicateProblems(list));
        Fail("The notices are not well formed", problems.Distinct(StringComparer.Ordinal));
    }

    /// <summary>The hub accepts <paramref name="notice"/> (<see cref="RecallNoticeJson.Validate"/>).</summary>
    /// <param name="notice">The notice.</param>
    public static void Valid(RecallNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        AllValid([notice]);
    }

    /// <summary>The hub accepts every notice: one refused notice makes the hub refuse the whole page.</summary>
    /// <param name="notices">The notices.</param>
    public static void AllValid(IEnumerable<RecallNotice> notices) =>
        Fail("The hub would refuse these notices (RecallNoticeJson.Validate)", HubProblems(Materialise(notices)));

    /// <summary>
    /// Every notice names at least one product, unless it is an <see cref="NoticeKind.Information"/> notice or flagged
    /// <see cref="RecallNotice.IsLowConfidence"/>: a recall without products blocks nothing.
    /// </summary>
    /// <param name="notices">The notices.</param>
    public static void HaveProducts(IEnumerable<RecallNotice> notices) =>
        Fail("Notices without products", ProductProblems(Materialise(notices)));

    /// <summary>
    /// Every GTIN, UDI-DI, CIP13 and ACL13 has a valid check digit: a code with a wrong one never matches a scanned
    /// pack. Keep a code you could not read as <see cref="CodeScheme.Reference"/> and flag the notice low confidence.
    /// </summary>
    /// <param name="notices">The notices.</param>
    public static void HaveValidCodes(IEnumerable<RecallNotice> notices) =>
        Fail("Product codes with a wrong check digit", CodeProblems(Materialise(notices)));

    /// <summary>
    /// No notice is given twice with different contents (the same <c>source</c>, <c>source_id</c> and
    /// <c>version</c>): the hub keeps the first and the other is lost. A new content is a new version.
    /// </summary>
    /// <param name="notices">The notices.</param>
    public static void NoConflictingDuplicates(IEnumerable<RecallNotice> notices) =>
        Fail("Notices given twice with different contents", DuplicateProblems(Materialise(notices)));

    /// <summary>
    /// A second run on the same input gave the same notices as the first, member for member: sources must be
    /// idempotent so that the hub recognises a notice it already has. Typical causes: an id or a date taken from the
    /// clock or a <see cref="Guid"/>, a version counted per run, an order that depends on a dictionary.
    /// </summary>
    /// <param name="first">The first run's notices.</param>
    /// <param name="second">The second run's notices.</param>
    public static void SameNotices(IEnumerable<RecallNotice> first, IEnumerable<RecallNotice> second)
    {
        var a = Materialise(first);
        var b = Materialise(second);
        var problems = new List<string>();
        var firstByKey = a.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var secondByKey = b.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        foreach (var (key, notice) in firstByKey)
        {
            if (!secondByKey.TryGetValue(key, out var again))
            {
                problems.Add($"{key}: given by the first run, missing from the second.");
            }
            else if (RecallNoticeJson.Serialize(notice) != RecallNoticeJson.Serialize(again))
            {
                problems.Add($"{key}: different the second time: {FirstDifference(notice, again)}.");
            }
        }

        problems.AddRange(secondByKey.Keys.Where(k => !firstByKey.ContainsKey(k)).Select(k => $"{k}: given by the second run only."));
        Fail("A second run on the same input gave other notices (the source is not idempotent)", problems);
    }

    internal static IEnumerable<string> HubProblems(IReadOnlyList<RecallNotice> notices) =>
        notices.SelectMany(n => RecallNoticeJson.Validate(n).Select(p => $"{Key(n)}: {p}"));

    internal static string Key(RecallNotice notice) =>
        string.Create(CultureInfo.InvariantCulture, $"{notice.Source}/{notice.SourceId} v{notice.Version}");

    private static IEnumerable<string> ProductProblems(IReadOnlyList<RecallNotice> notices) =>
        notices
            .Where(n => n.Products.Count == 0 && n.Kind != NoticeKind.Information && !n.IsLowConfidence)
            .Select(n => $"{Key(n)}: no product. Read the products, or set IsLowConfidence (low_confidence) so that people check the notice.");

    private static IEnumerable<string> CodeProblems(IReadOnlyList<RecallNotice> notices)
    {
        foreach (var notice in notices)
        {
            for (int i = 0; i < notice.Products.Count; i++)
            {
                var product = notice.Products[i];
                string? wrong = product.CodeScheme switch
                {
                    CodeScheme.Gtin or CodeScheme.UdiDi when !Gtin.IsValid(product.Code) => "is not a GTIN with a valid check digit",
                    CodeScheme.Cip13 when !FrenchProductCode.IsCip13(product.Code) => "is not a CIP13 (34009…) with a valid check digit",
                    CodeScheme.Acl13 when !FrenchProductCode.IsAcl13(product.Code) => "is not an ACL13 (3401…) with a valid check digit",
                    _ => null,
                };
                if (wrong is not null)
                {
                    yield return $"{Key(notice)}: products[{i}] {product.CodeScheme} '{product.Code}' {wrong}.";
                }
            }
        }
    }

    private static IEnumerable<string> DuplicateProblems(IReadOnlyList<RecallNotice> notices) =>
        notices
            .GroupBy(Key)
            .Where(g => g.Select(n => RecallNoticeJson.Serialize(n)).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key}: given {g.Count()} times with different contents ({FirstDifference(g.First(), g.Skip(1).First(n => RecallNoticeJson.Serialize(n) != RecallNoticeJson.Serialize(g.First())))}).");

    private static string FirstDifference(RecallNotice a, RecallNotice b)
    {
        using var left = System.Text.Json.JsonDocument.Parse(RecallNoticeJson.Serialize(a));
        using var right = System.Text.Json.JsonDocument.Parse(RecallNoticeJson.Serialize(b));
        foreach (var member in left.RootElement.EnumerateObject())
        {
            string other = right.RootElement.TryGetProperty(member.Name, out var value) ? value.GetRawText() : "(missing)";
            if (member.Value.GetRawText() != other)
            {
                return $"{member.Name} {Shorten(member.Value.GetRawText())} then {Shorten(other)}";
            }
        }

        return "same members";
    }

    private static string Shorten(string json) => json.Length <= 80 ? json : json[..77] + "…";

    private static List<RecallNotice> Materialise(IEnumerable<RecallNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        return [.. notices];
    }

    internal static void Fail(string what, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new PluginAssertionException($"{what}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", list));
        }
    }
}
