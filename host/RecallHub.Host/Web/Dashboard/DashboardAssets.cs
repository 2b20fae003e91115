namespace RecallHub.Host.Web.Dashboard;

/// <summary>The dashboard's stylesheet, embedded in the executable: nothing is fetched from elsewhere.</summary>
internal static class DashboardAssets
{
    public static readonly string Stylesheet = Read("dashboard.css");

    private static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream($"RecallHub.Host.Web.Dashboard.{name}")
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
