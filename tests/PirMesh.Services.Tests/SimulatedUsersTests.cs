using PirMesh.Imaging;
using PirMesh.Interactions;
using PirMesh.Learning.Objectives;

namespace PirMesh.Services.Tests;

public sealed class SimulatedUsersTests
{
    private static ImageBatch Grey(int count) =>
        new(count, 3, 8, 8, new int[count], Enumerable.Repeat((byte)128, count * 3 * 8 * 8).ToArray());

    [Fact]
    public void Score_GreyImagesWithBlue_GiveTheSquareRootOfAThird()
    {
        var pir = SimulatedUsers.Score(ObjectiveCatalog.Parse("blue"), Grey(300),
            TestContext.Current.CancellationToken);
        Assert.Equal(300, pir.Length);
        Assert.All(pir, p => Assert.Equal(Math.Sqrt(1.0 / 3), p, 6));
    }

    [Fact]
    public void Score_Cancelled_StopsBeforeTheNextChunk()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(
            () => SimulatedUsers.Score(ObjectiveCatalog.Parse("blue"), Grey(300), cancelled.Token));
    }
}
