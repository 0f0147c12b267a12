using System.Xml.Linq;
using Augur.Testing;

namespace Augur.IntegrationTests.Architecture;

/// <summary>
/// References point inward (ARCHITECTURE.md): Core references nothing; Traces, Prediction and Policies
/// reference Core only; Simulation references Core; Reports references Core and Simulation; Service and
/// Cli wire the rest. This test fails when a project gains a reference against that direction.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Augur.Core"] = [],
        ["Augur.Traces"] = ["Augur.Core"],
        ["Augur.Prediction"] = ["Augur.Core"],
        ["Augur.Policies"] = ["Augur.Core"],
        ["Augur.Simulation"] = ["Augur.Core"],
        ["Augur.Reports"] = ["Augur.Core", "Augur.Simulation"],
        ["Augur.Service"] = ["Augur.Core", "Augur.Traces", "Augur.Prediction", "Augur.Policies", "Augur.Simulation", "Augur.Reports"],
        ["Augur.Cli"] = ["Augur.Core", "Augur.Traces", "Augur.Prediction", "Augur.Policies", "Augur.Simulation", "Augur.Reports", "Augur.Service"],
    };

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void ProjectReferences_OfEverySourceProject_PointInward(string project)
    {
        Assert.True(Allowed.ContainsKey(project), $"{project} is not in ARCHITECTURE.md's layout; add it to this test with its allowed references.");
        var references = ReferencesOf(project);

        var forbidden = references.Except(Allowed[project], StringComparer.Ordinal).ToList();

        Assert.True(forbidden.Count == 0, $"{project} references {string.Join(", ", forbidden)}, against the inward direction");
    }

    [Fact]
    public void ProjectReferences_OfCore_AreNone()
    {
        Assert.Empty(ReferencesOf("Augur.Core"));
    }

    [Fact]
    public void PackageReferences_OfCore_AreOnlyAnalyzers()
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Augur.Core", "Augur.Core.csproj"));

        Assert.Empty(csproj.Descendants("PackageReference"));
    }

    private static List<string> ReferencesOf(string project)
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj"));
        return csproj.Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }
}
