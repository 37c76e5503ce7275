using PirMesh.Host.Reporting;

namespace PirMesh.Services.Tests;

public sealed class SharedNetworkCaveatTests
{
    [Theory]
    [InlineData("resnet18:layer1:k1:s1", "resnet18")]
    [InlineData("resnet18:layer4:k20:s3", "resnet18")]
    public void For_ResNetObjectiveAndResNetBackbone_SaysPlainlyTheNetworkIsShared(string objective, string backbone)
    {
        var caveat = SharedNetworkCaveat.For(objective, backbone);

        Assert.NotNull(caveat);
        Assert.Contains("the same pretrained network (ResNet-18)", caveat);
        Assert.Contains("used different networks for the two on purpose", caveat);
        Assert.Contains("exploiting features the two networks share", caveat);
        Assert.Contains(objective, caveat);
    }

    [Theory]
    [InlineData("resnet18:layer1:k1:s1", "scratch")]
    [InlineData("resnet18:layer1:k1:s1", "discriminator")]
    [InlineData("blue", "resnet18")]
    [InlineData("red|green", "scratch")]
    [InlineData("resnet18", "resnet18")]
    [InlineData("myresnet18:layer1:k1:s1", "resnet18")]
    public void For_DifferentNetworks_IsNull(string objective, string backbone)
    {
        Assert.Null(SharedNetworkCaveat.For(objective, backbone));
    }
}
