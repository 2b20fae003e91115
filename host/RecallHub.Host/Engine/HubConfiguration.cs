namespace RecallHub.Host.Engine;

/// <summary>
/// The hub's settings for the command line: <c>appsettings.json</c> next to the executable, then the environment
/// (<c>Hub__Store__PostgreSql</c>, <c>Hub__Pharmacies__0__Finess</c>…), so that every command opens the same store as
/// the running hub.
/// </summary>
internal static class HubConfiguration
{
    /// <summary>Reads the settings.</summary>
    public static IConfiguration Load() =>
        new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
}
