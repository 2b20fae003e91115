using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// Assertions on a plugin's behaviour across runs and on its package: idempotent parsing and pulling, a checkpoint
/// that is honoured, a manifest the hub loads. Each throws <see cref="PluginAssertionException"/>.
/// </summary>
public static class PluginAssert
{
    /// <summary>
    /// Parsing <paramref name="payload"/> twice gives the same notices, and they are well formed
    /// (<see cref="NoticeAssert.WellFormed"/>).
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="payload">A recorded payload.</param>
    /// <returns>The notices.</returns>
    public static IReadOnlyList<RecallNotice> ParsesIdempotently(IRecallSource source, SourcePayload payload)
    {
        var first = SourceRun.Parse(source, payload);
        var second = SourceRun.Parse(source, payload);
        NoticeAssert.SameNotices(first, second);
        NoticeAssert.WellFormed(first);
        return first;
    }

    /// <summary>
    /// Two pulls from the same checkpoint, with nothing new at the source, give the same notices and the same
    /// checkpoint: what the hub relies on when it repeats a pull whose notices it could not commit.
    /// </summary>
    /// <param name="run">A started run.</param>
    /// <param name="from">The checkpoint both pulls start from.</param>
    /// <param name="cancellationToken">Cancels the pulls.</param>
    /// <returns>The first pull.</returns>
    public static async Task<SourcePullResult> PullsIdempotentlyAsync(SourceRun run, string? from = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var first = await run.PullFromAsync(from, cancellationToken).ConfigureAwait(false);
        var second = await run.PullFromAsync(from, cancellationToken).ConfigureAwait(false);
        NoticeAssert.SameNotices(first.Notices, second.Notices);
        if (first.Checkpoint != second.Checkpoint)
        {
            throw new PluginAssertionException($"The same pull gave checkpoint '{first.Checkpoint}' then '{second.Checkpoint}': a checkpoint must depend on what the source published, not on when it was asked.");
        }

        return first;
    }

    /// <summary>
    /// The source honours its checkpoint: a pull from the checkpoint of a first load, with nothing new at the source,
    /// does not give every notice again, and does not send the hub back to a first load (a null checkpoint). A few
    /// notices given again are fine (overlap for coarse dates); give a sample with notices of at least two dates.
    /// </summary>
    /// <param name="run">A started run; its <see cref="SourceRun.Checkpoint"/> is where the first pull starts.</param>
    /// <param name="cancellationToken">Cancels the pulls.</param>
    /// <returns>The first pull and the next.</returns>
    public static async Task<(SourcePullResult First, SourcePullResult Next)> HonoursCheckpointAsync(SourceRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var first = await run.PullAsync(cancellationToken).ConfigureAwait(false);
        if (first.Notices.Count < 2)
        {
            throw new PluginAssertionException($"The first pull gave {first.Notices.Count} notice(s): serve at least two notices of different dates to judge the checkpoint.");
        }

        if (first.Checkpoint is null)
        {
            throw new PluginAssertionException("The first pull gave notices but no checkpoint: every pull would start again from the beginning.");
        }

        var next = await run.PullAsync(cancellationToken).ConfigureAwait(false);
        if (next.Checkpoint is null)
        {
            throw new PluginAssertionException($"The pull from checkpoint '{first.Checkpoint}' gave back a null checkpoint: the hub's next pull would be a first load again.");
        }

        var again = next.Notices.Select(NoticeAssert.Key).ToHashSet(StringComparer.Ordinal);
        if (first.Notices.All(n => again.Contains(NoticeAssert.Key(n))))
        {
            throw new PluginAssertionException(
                $"The pull from checkpoint '{first.Checkpoint}' gave all {first.Notices.Count} notices of the first load again: the source ignores its checkpoint.");
        }

        return (first, next);
    }

    /// <summary>
    /// The <c>plugin.json</c> beside <typeparamref name="TPlugin"/>'s assembly is one the hub loads: readable, of the
    /// right kind, naming that assembly, for a contract this kit's hub implements.
    /// </summary>
    /// <typeparam name="TPlugin">The plugin's class.</typeparam>
    /// <returns>The manifest.</returns>
    public static PluginManifest HasValidManifest<TPlugin>() => HasValidManifest(typeof(TPlugin));

    /// <summary>The <c>plugin.json</c> beside <paramref name="pluginType"/>'s assembly is one the hub loads.</summary>
    /// <param name="pluginType">The plugin's class.</param>
    /// <returns>The manifest.</returns>
    public static PluginManifest HasValidManifest(Type pluginType)
    {
        ArgumentNullException.ThrowIfNull(pluginType);
        string assemblyPath = pluginType.Assembly.Location;
        string path = Path.Combine(Path.GetDirectoryName(assemblyPath)!, PluginManifest.FileName);
        if (!File.Exists(path))
        {
            throw new PluginAssertionException($"No {PluginManifest.FileName} beside {assemblyPath}: copy it to the output (<None Include=\"plugin.json\" CopyToOutputDirectory=\"PreserveNewest\" CopyToPublishDirectory=\"PreserveNewest\" />).");
        }

        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Read(File.ReadAllText(path), path);
        }
        catch (PluginConfigurationException e)
        {
            throw new PluginAssertionException(e.Message, e);
        }

        var problems = new List<string>();
        var kind = typeof(IRecallSource).IsAssignableFrom(pluginType) ? PluginKind.Source
            : typeof(IRecallSink).IsAssignableFrom(pluginType) ? PluginKind.Sink
            : throw new PluginAssertionException($"{pluginType.FullName} implements neither IRecallSource nor IRecallSink.");
        if (manifest.Kind != kind)
        {
            problems.Add($"kind is '{manifest.Kind.ToString().ToLowerInvariant()}' but {pluginType.Name} is a {kind.ToString().ToLowerInvariant()}");
        }

        if (!string.Equals(manifest.Assembly, Path.GetFileName(assemblyPath), StringComparison.Ordinal))
        {
            problems.Add($"assembly is '{manifest.Assembly}' but the plugin is in '{Path.GetFileName(assemblyPath)}'");
        }

        if (!PluginContract.IsCompatible(manifest.ContractVersion))
        {
            problems.Add($"contract_version '{manifest.ContractVersion}' is not one a host of contract {PluginContract.Version} loads");
        }

        if (!pluginType.IsPublic || pluginType.IsAbstract || pluginType.GetConstructor(Type.EmptyTypes) is null)
        {
            problems.Add($"{pluginType.Name} must be a public, non-abstract class with a public parameterless constructor: the hub creates it so");
        }

        NoticeAssert.Fail($"{path} would not load", problems);
        return manifest;
    }
}
