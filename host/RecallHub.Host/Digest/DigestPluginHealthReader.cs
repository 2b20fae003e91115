using RecallHub.Abstractions.Plugins;
using RecallHub.Host.Plugins;
using RecallHub.Host.Running;

namespace RecallHub.Host.Digest;

/// <summary>The plugins' health as the running hub knows it: each plugin's state and each source's last pull since the start.</summary>
internal sealed class DigestPluginHealthReader(PluginCatalog catalog, SourcePull pull)
{
    public IReadOnlyList<DigestPluginHealth> Read() =>
        [.. catalog.Statuses.Select(s =>
        {
            var last = pull.LastPulls.GetValueOrDefault(s.Id);
            return new DigestPluginHealth(s.Id, s.Kind == PluginKind.Source, s.State, s.Reason, last?.FinishedAt, last?.Error);
        })];
}
