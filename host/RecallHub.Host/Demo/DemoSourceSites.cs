using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RecallHub.Host.Demo;

/// <summary>
/// Stand-ins for ansm.sante.fr, data.economie.gouv.fr (RappelConso) and the ACL Santé portal, on 127.0.0.1: one local
/// server replaying recorded payloads by path, whatever the query, so the real source plugins pull them unchanged.
/// </summary>
internal sealed class DemoSourceSites : IAsyncDisposable
{
    /// <summary>Where the ANSM listing lives on the site.</summary>
    public const string AnsmListingPath = "/informations-de-securite/";

    /// <summary>The RappelConso dataset's export, which a first pull reads.</summary>
    public const string RappelConsoExportPath = "/api/explore/v2.1/catalog/datasets/rappelconso-v2-gtin-espaces/exports/json";

    /// <summary>The ACL Santé portal's notices.</summary>
    public const string AclNoticesPath = "/api/v1/notices";

    private readonly WebApplication _app;

    private DemoSourceSites(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The sites' root, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Root { get; }

    /// <summary>Starts the sites; the ACL Santé portal answers only <paramref name="aclToken"/>, as the real one would.</summary>
    public static async Task<DemoSourceSites> StartAsync(string aclToken, CancellationToken cancellationToken)
    {
        var pages = new Dictionary<string, (string Content, string ContentType)>(StringComparer.Ordinal)
        {
            [AnsmListingPath] = (DemoPayloads.Read("ansm/listing_page_constructed.html"), Html),
            [AnsmListingPath + "tavneos-10-mg-gelule-laboratoire-vifor-france"] = (DemoPayloads.Read("ansm/notice_medicament_lot_table_constructed.html"), Html),
            [AnsmListingPath + "rapid-refill-continuous-injection-system-boston-scientific"] = (DemoPayloads.Read("ansm/notice_dm_fsn_constructed.html"), Html),
            [AnsmListingPath + "amlodipine-eg-5-mg-et-10-mg-gelule-laboratoires-eg-labo"] = (DemoPayloads.Read("ansm/notice_medicament_amlodipine_constructed.html"), Html),
            [RappelConsoExportPath] = (RappelConsoExport(), Json),
            [AclNoticesPath] = (DemoPayloads.Read("acl-sante/notices_page_constructed.json"), Json),
        };
        string page2 = DemoPayloads.Read("ansm/listing_page2_ours.html");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async http =>
        {
            string path = http.Request.Path;
            if (path == AclNoticesPath && http.Request.Headers.Authorization.ToString() != "Bearer " + aclToken)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            // The listing's second page is the only page told apart by its query.
            var page = path == AnsmListingPath && http.Request.Query["page"] == "2" ? (page2, Html)
                : pages.TryGetValue(path, out var found) ? found
                : default;
            if (page.Item1 is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            http.Response.ContentType = page.Item2;
            await http.Response.WriteAsync(page.Item1, http.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DemoSourceSites(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private const string Html = "text/html; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";

    // A first pull reads the export, an array of records: the real record and the constructed records response's.
    private static string RappelConsoExport()
    {
        var records = new List<string> { DemoPayloads.Read("rappelconso/v2_record_real_2021-05-0242.json") };
        using var response = JsonDocument.Parse(DemoPayloads.Read("rappelconso/v2_records_response_constructed.json"));
        records.AddRange(response.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetRawText()));
        return "[" + string.Join(",", records) + "]";
    }
}
