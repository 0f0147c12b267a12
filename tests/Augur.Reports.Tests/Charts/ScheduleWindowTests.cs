using Augur.Reports.Charts;

namespace Augur.Reports.Tests.Charts;

public sealed class ScheduleWindowTests
{
    [Theory]
    [InlineData("24:48", 24, 48)]
    [InlineData("0:1", 0, 1)]
    [InlineData("1.5:2.25", 1.5, 2.25)]
    public void Parse_FromColonTo_IsTheWindowInHours(string text, double from, double to)
    {
        var window = ScheduleWindow.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(new ScheduleWindow(from, to), window);
    }

    [Theory]
    [InlineData("48:24")]
    [InlineData("5:5")]
    [InlineData("-1:5")]
    public void Parse_EmptyOrBackwardOrNegativeWindow_IsNullWithTheReason(string text)
    {
        var window = ScheduleWindow.Parse(text, out var error);

        Assert.Null(window);
        Assert.Equal($"'{text}': the window must start at 0 h or later and end after it starts", error);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("1:2:3")]
    [InlineData("24")]
    [InlineData("a:b")]
    [InlineData("1:NaN")]
    [InlineData("1:Infinity")]
    [InlineData("")]
    public void Parse_NotTwoNumbers_IsNullWithTheExpectedForm(string text)
    {
        var window = ScheduleWindow.Parse(text, out var error);

        Assert.Null(window);
        Assert.Equal($"'{text}' is not FROM:TO in hours (for example 24:48)", error);
    }
}
