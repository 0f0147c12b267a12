using Augur.Core.Identifiers;
using Augur.Service.Executors;

namespace Augur.Service.Tests.Executors;

public sealed class ExecutorCatalogueTests
{
    [Theory]
    [InlineData("executor/local")]
    [InlineData("executor/slurm")]
    public void Validate_KnownId_ReturnsIt(string id)
    {
        Assert.Equal(id, ExecutorCatalogue.Validate(id));
    }

    [Theory]
    [InlineData("executor/slrum", "unknown executor 'executor/slrum'; did you mean 'executor/slurm'?")]
    [InlineData("slurm", "unknown executor 'slurm'; did you mean 'executor/slurm'?")]
    [InlineData("executor", "unknown executor 'executor'; did you mean 'executor/local' or 'executor/slurm'?")]
    [InlineData("kubernetes", "unknown executor 'kubernetes'.")]
    public void Validate_UnknownId_SuggestsTheClosest(string id, string expected)
    {
        var error = Assert.Throws<UnknownComponentException>(() => ExecutorCatalogue.Validate(id));

        Assert.Equal(expected, error.Message);
    }
}
