using System.Security.Cryptography;
using McMaster.NETCore.Plugins;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Events;

namespace RecallHub.Host.Plugins;

/// <summary>
/// Loads the plugins listed in <c>plugins.json</c>, each from its own folder into its own load context, sharing only
/// the <c>RecallHub.Abstractions</c> types with the host. A plugin that cannot be loaded is recorded as failed with
/// the reason; the others are loaded all the same.
/// </summary>
internal sealed class PluginCatalog : IDisposable
{
    private readonly List<LoadedPlugin> _loaded = [];
    private readonly List<PluginStatus> _statuses = [];
    private readonly Lock _statusLock = new();

    private PluginCatalog()
    {
    }

    /// <summary>A catalog without plugins: the hub runs, matches and blocks; nothing pulls or is told.</summary>
    public static PluginCatalog Empty => new();

    /// <summary>Every listed plugin's status, in the order of <c>plugins.json</c>: a snapshot, as the runtime updates them.</summary>
    public IReadOnlyList<PluginStatus> Statuses
    {
        get
        {
            lock (_statusLock)
            {
                return [.. _statuses];
            }
        }
    }

    /// <summary>The plugins that loaded.</summary>
    public IReadOnlyList<LoadedPlugin> Loaded => _loaded;

    /// <summary>
    /// The enabled sinks, loaded or failed: events are written for each so that a sink fixed later receives them all.
    /// </summary>
    public HubSinks Sinks => new(Statuses.Where(s => s.State != PluginState.Disabled && s.Kind == PluginKind.Sink).Select(s => s.Id));

    /// <summary>Loads every enabled plugin of <paramref name="file"/>.</summary>
    public static PluginCatalog Load(PluginsFile file)
    {
        var catalog = new PluginCatalog();
        foreach (var entry in file.Plugins)
        {
            string folder = Path.GetFullPath(Path.Combine(file.BaseDirectory, entry.Folder));
            if (!entry.Enabled)
            {
                catalog._statuses.Add(new PluginStatus(entry.Id, PluginState.Disabled, null, null, folder, null));
                continue;
            }

            try
            {
                var plugin = LoadOne(entry, folder);
                catalog._loaded.Add(plugin);
                catalog._statuses.Add(new PluginStatus(entry.Id, PluginState.Loaded, plugin.Manifest.Kind, plugin.Manifest.Version, folder, null));
            }
            catch (PluginLoadException e)
            {
                catalog._statuses.Add(new PluginStatus(entry.Id, PluginState.Failed, e.Manifest?.Kind, e.Manifest?.Version, folder, e.Message));
            }
        }

        return catalog;
    }

    /// <summary>Marks a loaded plugin failed (it failed to configure or to run); it stays listed with the reason.</summary>
    public void MarkFailed(string id, string reason) => Update(id, s => s with { State = PluginState.Failed, Reason = reason });

    /// <summary>
    /// Marks a loaded plugin working again after a failed run (a source whose site was down answers again): failures
    /// of a run are not final, failures to load are.
    /// </summary>
    public void MarkRecovered(string id) => Update(id, s => s.State == PluginState.Failed && _loaded.Any(p => p.Entry.Id == id) ? s with { State = PluginState.Loaded, Reason = null } : s);

    private void Update(string id, Func<PluginStatus, PluginStatus> change)
    {
        lock (_statusLock)
        {
            int index = _statuses.FindIndex(s => s.Id == id);
            if (index >= 0)
            {
                _statuses[index] = change(_statuses[index]);
            }
        }
    }

    public void Dispose()
    {
        foreach (var plugin in _loaded)
        {
            plugin.Dispose();
        }
    }

    private static LoadedPlugin LoadOne(PluginEntry entry, string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new PluginLoadException($"Folder '{folder}' does not exist: publish the plugin there (dotnet publish -o) or fix \"folder\".");
        }

        string manifestPath = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new PluginLoadException($"No {PluginManifest.FileName} in '{folder}': every plugin folder needs its manifest.");
        }

        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Read(File.ReadAllText(manifestPath), manifestPath);
        }
        catch (PluginConfigurationException e)
        {
            throw new PluginLoadException(e.Message);
        }

        if (manifest.Id != entry.Id)
        {
            throw new PluginLoadException($"plugins.json lists '{entry.Id}' but {manifestPath} says the plugin is '{manifest.Id}'.", manifest);
        }

        if (!PluginContract.IsCompatible(manifest.ContractVersion))
        {
            throw new PluginLoadException(
                $"The plugin was built against contract {manifest.ContractVersion}; this host implements {PluginContract.Version}. Rebuild it against RecallHub.Abstractions {PluginContract.Version}.",
                manifest);
        }

        string assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            throw new PluginLoadException($"Assembly '{assemblyPath}' named in the manifest does not exist.", manifest);
        }

        if (entry.Sha256 is { } expected)
        {
            string actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(assemblyPath)));
            if (actual != expected)
            {
                throw new PluginLoadException(
                    $"Refused: the SHA-256 of '{assemblyPath}' is {actual}, but plugins.json pins {expected}. The assembly changed since it was pinned.",
                    manifest);
            }
        }

        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            sharedTypes: [typeof(IRecallSource), typeof(IRecallSink)],
            configure: config => config.PreferSharedTypes = true);
        try
        {
            var contract = manifest.Kind == PluginKind.Source ? typeof(IRecallSource) : typeof(IRecallSink);
            var types = loader.LoadDefaultAssembly().GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && contract.IsAssignableFrom(t))
                .ToList();
            var type = types.Count switch
            {
                1 => types[0],
                0 => throw new PluginLoadException($"'{manifest.Assembly}' has no public class implementing {contract.Name} (the manifest says kind '{manifest.Kind.ToString().ToLowerInvariant()}').", manifest),
                _ => throw new PluginLoadException($"'{manifest.Assembly}' has several classes implementing {contract.Name} ({string.Join(", ", types.Select(t => t.Name))}): a plugin assembly holds one.", manifest),
            };
            object instance = type.GetConstructor(Type.EmptyTypes) is { } constructor
                ? constructor.Invoke(null)
                : throw new PluginLoadException($"{type.FullName} needs a public parameterless constructor.", manifest);
            return new LoadedPlugin(entry, manifest, loader, instance);
        }
        catch (Exception e) when (e is not PluginLoadException)
        {
            loader.Dispose();
            throw new PluginLoadException($"Loading '{assemblyPath}' failed: {(e.InnerException ?? e).Message}", manifest);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }
}
