using System.Text.Json;

namespace RecallHub.Plugins.Testing.Tests.Support;

/// <summary>Serves items on a <see cref="RecordedHttpServer"/> the way <see cref="PagedFeedSource"/> reads them.</summary>
public static class Feed
{
    public const string Path = "/feed";

    public static void Serve(RecordedHttpServer server, params FeedItem[] items) =>
        server.Route(Path, request =>
        {
            int after = int.Parse(request.QueryValue("after") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var rest = items.Where(i => i.Number > after).ToList();
            return RecordedResponse.Json(JsonSerializer.Serialize(new FeedPage([.. rest.Take(2)], rest.Count > 2)));
        });

    public static FeedItem Item(int number, string? cip13 = "") => new(number, $"Rappel {number}", cip13 == "" ? Some.Cip13() : cip13);
}
