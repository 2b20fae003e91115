using RecallHub.Plugins.Testing;

namespace RecallHub.Sources.Ansm.Tests.Support;

/// <summary>The recorded ANSM payloads copied into TestData/ansm (provenance in TestData/README.md).</summary>
internal static class Samples
{
    public const string ListingPath = "/informations-de-securite/";
    public const string Html = "text/html; charset=utf-8";

    public const string Listing = "listing_page_constructed.html";
    public const string ListingPage2 = "listing_page2_ours.html";
    public const string ChangedListing = "listing_changed_structure_ours.html";
    public const string Amlodipine = "notice_medicament_amlodipine_constructed.html";
    public const string LotTable = "notice_medicament_lot_table_constructed.html";
    public const string DeviceFsn = "notice_dm_fsn_constructed.html";

    public const string TavneosPath = "/informations-de-securite/tavneos-10-mg-gelule-laboratoire-vifor-france";
    public const string TemozolomidePath = "/informations-de-securite/temozolomide-accord-250-mg-gelule-laboratoire-accord-healtcare-france-sas";
    public const string CatheterPath = "/informations-de-securite/catheter-exemple-xyz-fabricant-exemple";
    public const string GlucoseMeterPath = "/informations-de-securite/lecteur-de-glycemie-exemple-information-de-securite";
    public const string RapidRefillPath = "/informations-de-securite/rapid-refill-continuous-injection-system-boston-scientific";
    public const string AmlodipinePath = "/informations-de-securite/amlodipine-eg-5-mg-et-10-mg-gelule-laboratoires-eg-labo";

    /// <summary>Serves a sample at <paramref name="pathAndQuery"/> on the stand-in for ansm.sante.fr.</summary>
    public static void Serve(RecordedHttpServer site, string pathAndQuery, string sample, string? etag = null) =>
        site.Serve(pathAndQuery, Read(sample), Html, etag);

    /// <summary>The whole sample site: listing pages 1 and 2 and the notices that have a sample page; other notices answer 404.</summary>
    public static void ServeSite(RecordedHttpServer site, string? listingETag = null)
    {
        Serve(site, ListingPath, Listing, listingETag);
        Serve(site, ListingPath + "?page=2", ListingPage2);
        Serve(site, TavneosPath, LotTable);
        Serve(site, RapidRefillPath, DeviceFsn);
        Serve(site, AmlodipinePath, Amlodipine);
    }

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "ansm", name);
}
