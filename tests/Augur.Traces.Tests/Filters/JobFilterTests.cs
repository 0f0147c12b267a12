using Augur.Core.Identifiers;
using Augur.Traces.Filters;
using Augur.Traces.Swf;

namespace Augur.Traces.Tests.Filters;

public sealed class JobFilterTests
{
    private const int Machine = 100;

    [Theory]
    [InlineData(1, 0, 100, 200, null)]
    [InlineData(100, 0, 100, 200, null)]
    [InlineData(4, 5, 0, 200, null)]
    [InlineData(4, 5, 100, -1, null)]
    [InlineData(4, 5, 100, 0, null)]
    [InlineData(4, 5, 300, 200, null)]
    [InlineData(0, 5, 100, 200, "no processor count (fields 5 and 8 unknown or zero)")]
    [InlineData(-1, 5, 100, 200, "no processor count (fields 5 and 8 unknown or zero)")]
    [InlineData(101, 5, 100, 200, "wider than the machine")]
    [InlineData(4, -1, 100, 200, "no submit time")]
    [InlineData(4, 5, -1, 200, "no run time")]
    public void DefaultReject_Record_KeepsRunnableJobsAndNamesTheReasonOtherwise(long processors, long submit, long run, long requested, string? expected)
    {
        var record = Record(submit, run, requested);

        Assert.Equal(expected, new RunnableJobFilter().Reject(record, processors, Machine));
    }

    [Fact]
    public void DefaultReject_SeveralProblems_ReportsProcessorsFirst()
    {
        var record = Record(submit: -1, run: -1, requested: -1);

        Assert.Equal("no processor count (fields 5 and 8 unknown or zero)", new RunnableJobFilter().Reject(record, 0, Machine));
        Assert.Equal("wider than the machine", new RunnableJobFilter().Reject(record, Machine + 1, Machine));
        Assert.Equal("no submit time", new RunnableJobFilter().Reject(record, 1, Machine));
    }

    [Theory]
    [InlineData(1, 1, 1, 1, null)]
    [InlineData(100, 1, 100, 100, null)]
    [InlineData(50, 10, 3600, 7200, null)]
    [InlineData(0, 10, 100, 200, "sc15: processors <= 0")]
    [InlineData(-1, 10, 100, 200, "sc15: processors <= 0")]
    [InlineData(101, 10, 100, 200, "sc15: processors > MaxProcs")]
    [InlineData(4, 10, 0, 200, "sc15: run time <= 0")]
    [InlineData(4, 10, -1, 200, "sc15: run time <= 0")]
    [InlineData(4, 10, 100, 0, "sc15: requested time <= 0")]
    [InlineData(4, 10, 100, -1, "sc15: requested time <= 0")]
    [InlineData(4, 10, 100, 99, "sc15: requested time < run time")]
    [InlineData(4, 10, 100, 100, null)]
    [InlineData(4, 0, 100, 200, null)]
    [InlineData(4, -1, 100, 200, "sc15: submit time < 0")]
    public void Sc15Reject_Boundaries_FollowGaussierEtAlExactly(long processors, long submit, long run, long requested, string? expected)
    {
        var record = Record(submit, run, requested);

        Assert.Equal(expected, new Sc15JobFilter().Reject(record, processors, Machine));
    }

    [Theory]
    [InlineData("sc15", typeof(Sc15JobFilter), "filter/sc15")]
    [InlineData("filter/sc15", typeof(Sc15JobFilter), "filter/sc15")]
    [InlineData("default", typeof(RunnableJobFilter), "filter/default")]
    [InlineData("filter/default", typeof(RunnableJobFilter), "filter/default")]
    public void Create_ShortOrFullId_BuildsTheFilter(string name, Type type, string id)
    {
        var filter = JobFilters.Create(name);

        Assert.IsType(type, filter);
        Assert.Equal(id, filter.Id);
    }

    [Theory]
    [InlineData("sc16", "unknown filter 'sc16'; did you mean 'filter/sc15'?")]
    [InlineData("filter/sc16", "unknown filter 'filter/sc16'; did you mean 'filter/sc15'?")]
    [InlineData("defualt", "unknown filter 'defualt'; did you mean 'filter/default'?")]
    [InlineData("SC15", "unknown filter 'SC15'; did you mean 'filter/sc15'?")]
    public void Create_UnknownName_ThrowsSuggestingTheClosestId(string name, string message)
    {
        var exception = Assert.Throws<UnknownComponentException>(() => JobFilters.Create(name));

        Assert.Equal(message, exception.Message);
        Assert.Contains("did you mean", exception.Message, StringComparison.Ordinal);
        Assert.Equal(name, exception.Requested);
    }

    [Fact]
    public void Create_NothingClose_ThrowsWithoutSuggestion()
    {
        var exception = Assert.Throws<UnknownComponentException>(() => JobFilters.Create("xyzzy"));

        Assert.Equal("unknown filter 'xyzzy'.", exception.Message);
        Assert.Empty(exception.Suggestions);
    }

    [Fact]
    public void Catalogue_ListsDefaultThenSc15()
    {
        Assert.Equal(["filter/default", "filter/sc15"], JobFilters.Catalogue.Entries.Select(e => e.Id));
        Assert.Equal("filter", JobFilters.Catalogue.Kind);
    }

    private static SwfRecord Record(long submit, long run, long requested) =>
        new(1, submit, 0, run, -1, -1, -1, -1, requested, -1, 1, 1, 1, -1, 1, 1, -1, -1);
}
