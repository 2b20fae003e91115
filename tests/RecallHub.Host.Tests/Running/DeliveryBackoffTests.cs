using RecallHub.Host.Running;

namespace RecallHub.Host.Tests.Running;

public sealed class DeliveryBackoffTests
{
    [Fact]
    public void Doubles_FromFiveSeconds_UpToFifteenMinutes()
    {
        var waits = Enumerable.Range(1, 12).Select(a => DeliveryBackoff.After(a).TotalSeconds).ToList();

        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900, 900], waits);
        Assert.Equal(DeliveryBackoff.Longest, DeliveryBackoff.After(int.MaxValue));
    }

    [Fact]
    public void ZeroAttempts_IsAMistake() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryBackoff.After(0));
}
