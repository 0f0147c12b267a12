using Augur.Core.Identifiers;

namespace Augur.Core.Tests.Identifiers;

public sealed class ComponentIdTests
{
    [Theory]
    [InlineData("backfill/easy", "backfill", "easy")]
    [InlineData("predictor/tsafrir", "predictor", "tsafrir")]
    [InlineData("trace/swf", "trace", "swf")]
    [InlineData("backfill/easy++", "backfill", "easy++")]
    [InlineData("order/f1", "order", "f1")]
    [InlineData("a_b-c/x+y_9", "a_b-c", "x+y_9")]
    [InlineData("0/1", "0", "1")]
    public void TryParse_ValidId_SplitsFamilyAndName(string text, string family, string name)
    {
        Assert.True(ComponentId.TryParse(text, out var id));

        Assert.Equal(family, id.Family);
        Assert.Equal(name, id.Name);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("backfill")]
    [InlineData("/easy")]
    [InlineData("backfill/")]
    [InlineData("/")]
    [InlineData("a/b/c")]
    [InlineData("backfill//easy")]
    [InlineData("Backfill/easy")]
    [InlineData("backfill/EASY")]
    [InlineData("backfill/ easy")]
    [InlineData(" backfill/easy")]
    [InlineData("backfill/easy ")]
    [InlineData("back fill/easy")]
    [InlineData("backfill/éasy")]
    [InlineData("backfill/easy.v2")]
    [InlineData("backfill\\easy")]
    [InlineData("backfill:easy")]
    public void TryParse_InvalidId_ReturnsFalseAndDefault(string? text)
    {
        Assert.False(ComponentId.TryParse(text, out var id));

        Assert.Equal(default, id);
        Assert.Null(id.Family);
        Assert.Null(id.Name);
    }

    [Fact]
    public void Constructor_ValidParts_EqualsParsedId()
    {
        var built = new ComponentId("backfill", "easy");

        Assert.True(ComponentId.TryParse("backfill/easy", out var parsed));
        Assert.Equal(parsed, built);
        Assert.Equal(parsed.GetHashCode(), built.GetHashCode());
        Assert.NotEqual(new ComponentId("backfill", "conservative"), built);
        Assert.Equal("backfill/easy", built.ToString());
    }

    [Theory]
    [InlineData("Backfill", "easy")]
    [InlineData("backfill", "")]
    [InlineData("", "easy")]
    [InlineData("backfill", "ea/sy")]
    [InlineData("backfill", "e asy")]
    [InlineData(null, "easy")]
    [InlineData("backfill", null)]
    public void Constructor_InvalidPart_Throws(string? family, string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => new ComponentId(family!, name!));

        Assert.Contains("is not a valid id", error.Message, StringComparison.Ordinal);
    }
}
