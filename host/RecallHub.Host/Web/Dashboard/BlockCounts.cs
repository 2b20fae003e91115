using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>How many blocks each recall placed, and how many still hold: what "concerns my stock" is read from.</summary>
internal sealed class BlockCounts
{
    private readonly Dictionary<long, (int Active, int All)> _byRecall = [];

    public IEnumerable<long> RecallIds => _byRecall.Keys;

    public (int Active, int All) Of(long recallId) => _byRecall.GetValueOrDefault(recallId);

    public static async Task<BlockCounts> ReadAsync(IStoreSession session, CancellationToken cancellationToken)
    {
        var counts = new BlockCounts();
        for (int offset = 0; ; offset += Paging.MaxLimit)
        {
            var page = await session.Blocks.ListAsync(BlockFilter.All, new Paging(offset, Paging.MaxLimit), cancellationToken).ConfigureAwait(false);
            foreach (var block in page.Items)
            {
                var (active, all) = counts._byRecall.GetValueOrDefault(block.RecallId);
                counts._byRecall[block.RecallId] = (active + (block.IsActive ? 1 : 0), all + 1);
            }

            if (page.Items.Count < Paging.MaxLimit)
            {
                return counts;
            }
        }
    }
}
