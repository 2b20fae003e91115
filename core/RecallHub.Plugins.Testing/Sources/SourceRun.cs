using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// Runs a source plugin as the hub does: <see cref="Parse"/> a recorded payload without network, or start it and
/// <see cref="PullAsync"/> — fetch from the stored checkpoint while the source says it has more, keep each page's
/// checkpoint — with the fake clock moving while the source waits.
/// </summary>
/// <remarks>
/// Like the hub, a pull checks each page's notices and fails on the first page the hub would refuse, and stops a
/// source that still has more after <see cref="MaxFetches"/> fetches. Dispose the run to dispose the source.
/// </remarks>
public sealed class SourceRun : IAsyncDisposable
{
    /// <summary>The hub's limit of fetches in one pull.</summary>
    public const int DefaultMaxFetches = 1_000;

    private SourceRun(IRecallSource source, TestSourceContext context)
    {
        Source = source;
        Context = context;
    }

    /// <summary>The source under test.</summary>
    public IRecallSource Source { get; }

    /// <summary>Its context.</summary>
    public TestSourceContext Context { get; }

    /// <summary>The checkpoint the hub has stored: null before the first pull, then each pull's last.</summary>
    public string? Checkpoint { get; set; }

    /// <summary>How far the fake clock moves at each step while a fetch runs (500 ms); null leaves the clock alone.</summary>
    public TimeSpan? ClockStep { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The most fetches in one pull (1 000, as in the hub).</summary>
    public int MaxFetches { get; set; } = DefaultMaxFetches;

    /// <summary>
    /// Parses a saved payload as <c>recallhub source parse</c> does: the source is not started and must not need
    /// the network.
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="payload">The payload.</param>
    /// <returns>The notices.</returns>
    public static IReadOnlyList<RecallNotice> Parse(IRecallSource source, SourcePayload payload)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(payload);
        return source.Parse(payload);
    }

    /// <summary>Parses the payload saved in <paramref name="path"/>.</summary>
    /// <param name="source">The source.</param>
    /// <param name="path">The file, e.g. under the test project's <c>TestData</c>.</param>
    /// <param name="contentType">The payload's media type, if the source needs it.</param>
    /// <returns>The notices.</returns>
    public static IReadOnlyList<RecallNotice> ParseFile(IRecallSource source, string path, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(source, new SourcePayload(File.ReadAllText(path), contentType, new Uri(Path.GetFullPath(path))));
    }

    /// <summary>Starts <paramref name="source"/> with <paramref name="context"/>, as the hub does once before any pull.</summary>
    /// <param name="source">The source.</param>
    /// <param name="context">Its context, with its settings.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The run.</returns>
    public static async Task<SourceRun> StartAsync(IRecallSource source, TestSourceContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        await source.StartAsync(context, cancellationToken).ConfigureAwait(false);
        return new SourceRun(source, context);
    }

    /// <summary>Pulls from <see cref="Checkpoint"/> and stores the new one, as a scheduled pull does.</summary>
    /// <param name="cancellationToken">Cancels the pull.</param>
    /// <returns>What the pull gave.</returns>
    public Task<SourcePullResult> PullAsync(CancellationToken cancellationToken = default) => PullFromAsync(Checkpoint, cancellationToken);

    /// <summary>Pulls from <paramref name="from"/> and stores the new checkpoint.</summary>
    /// <param name="from">The checkpoint to start from (null: a first load).</param>
    /// <param name="cancellationToken">Cancels the pull.</param>
    /// <returns>What the pull gave.</returns>
    public async Task<SourcePullResult> PullFromAsync(string? from, CancellationToken cancellationToken = default)
    {
        var pages = new List<SourceFetchResult>();
        string? checkpoint = from;
        bool more = true;
        while (more)
        {
            if (pages.Count == MaxFetches)
            {
                throw new PluginAssertionException(
                    $"The source still said it had more after {MaxFetches} fetches (checkpoint {checkpoint ?? "null"}): the hub stops the pull there. A source must advance its checkpoint and end with HasMore false.");
            }

            var page = await FetchAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            NoticeAssert.Fail(
                $"The hub would refuse page {pages.Count + 1} of the pull (fetched from checkpoint {checkpoint ?? "null"}) and store nothing of it",
                NoticeAssert.HubProblems([.. page.Notices]));
            pages.Add(page);
            checkpoint = page.Checkpoint ?? checkpoint;
            more = page.HasMore;
        }

        Checkpoint = checkpoint;
        return new SourcePullResult(from, pages, checkpoint);
    }

    /// <summary>One fetch from <paramref name="checkpoint"/>, the clock moving meanwhile; the stored checkpoint is left as it is.</summary>
    /// <param name="checkpoint">The checkpoint given to the source.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The source's answer.</returns>
    public async Task<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken = default)
    {
        Task<SourceFetchResult> Fetch() => Source.FetchAsync(checkpoint, cancellationToken).AsTask();
        var result = ClockStep is { } step
            ? await Context.RunWithClockAsync(Fetch, step).ConfigureAwait(false)
            : await Fetch().ConfigureAwait(false);
        return result ?? throw new PluginAssertionException("FetchAsync returned null: return a SourceFetchResult, with no notices when there is nothing new.");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
