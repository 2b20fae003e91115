namespace RecallHub.Host.Demo;

/// <summary>The recorded source payloads shipped inside the executable (<c>Demo/Data</c>, provenance in its README).</summary>
internal static class DemoPayloads
{
    /// <summary>One payload, by its path under <c>Demo/Data</c> (<c>ansm/listing_page_constructed.html</c>).</summary>
    /// <exception cref="FileNotFoundException">Not shipped: the build lost the embedded resources.</exception>
    public static string Read(string name)
    {
        using var stream = typeof(DemoPayloads).Assembly.GetManifestResourceStream("Demo/Data/" + name)
            ?? throw new FileNotFoundException($"The demo payload '{name}' is not embedded in the executable.", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
