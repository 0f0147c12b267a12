using System.Reflection;

using Augur.Core.Jobs;
using Augur.Core.Scheduling;

namespace Augur.Simulation.Tests.Engine;

/// <summary>
/// Rule 1 of the house: the scheduling view has no path to a job's outcome. Walks every type reachable
/// from the public surface of what a policy is handed and checks none of it is, holds or returns an
/// outcome (<see cref="JobOutcome"/>, nor the <see cref="WorkloadJob"/> or <see cref="Workload"/> that
/// carry one).
/// </summary>
public sealed class NoPeekingTests
{
    private static readonly Type[] Forbidden = [typeof(JobOutcome), typeof(WorkloadJob), typeof(Workload)];

    [Theory]
    [InlineData(typeof(SchedulingContext))]
    [InlineData(typeof(RunningJob))]
    [InlineData(typeof(JobRequest))]
    [InlineData(typeof(IPolicy))]
    public void PublicSurface_ReachableTypes_HaveNoOutcome(Type root)
    {
        var paths = new Dictionary<Type, string> { [root] = root.Name };
        var pending = new Queue<Type>([root]);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            foreach (var (member, memberType) in MemberTypes(type))
            {
                foreach (var reached in Unwrap(memberType))
                {
                    var path = $"{paths[type]}.{member}";
                    Assert.False(Forbidden.Contains(reached), $"{path} exposes {reached.Name}: a policy could read a job's outcome");
                    if (IsOurs(reached) && paths.TryAdd(reached, path))
                    {
                        pending.Enqueue(reached);
                    }
                }
            }
        }

        // The walk must actually reach the view's parts, or it proves nothing.
        if (root == typeof(SchedulingContext))
        {
            Assert.Contains(typeof(JobRequest), paths.Keys);
            Assert.Contains(typeof(RunningJob), paths.Keys);
            Assert.Contains(typeof(WaitingQueue), paths.Keys);
            Assert.Contains(typeof(AvailabilityProfile), paths.Keys);
        }
    }

    [Fact]
    public void SchedulingContextRunningJobJobRequest_HaveNoOutcomeTypedMemberEvenPrivately()
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        foreach (var type in new[] { typeof(SchedulingContext), typeof(RunningJob), typeof(JobRequest), typeof(WaitingQueue), typeof(AvailabilityProfile) })
        {
            foreach (var field in type.GetFields(All))
            {
                Assert.DoesNotContain(Unwrap(field.FieldType), Forbidden.Contains);
            }

            foreach (var property in type.GetProperties(All))
            {
                Assert.DoesNotContain(Unwrap(property.PropertyType), Forbidden.Contains);
            }
        }
    }

    private static IEnumerable<(string Member, Type Type)> MemberTypes(Type type)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        foreach (var property in type.GetProperties(Public))
        {
            yield return (property.Name, property.PropertyType);
        }

        foreach (var field in type.GetFields(Public))
        {
            yield return (field.Name, field.FieldType);
        }

        foreach (var method in type.GetMethods(Public))
        {
            yield return (method.Name + "()", method.ReturnType);
            foreach (var parameter in method.GetParameters())
            {
                // Delegates handed in could hand outcomes back; any other parameter is an input.
                if (typeof(Delegate).IsAssignableFrom(parameter.ParameterType) || parameter.ParameterType.IsByRef)
                {
                    yield return ($"{method.Name}({parameter.Name})", parameter.ParameterType);
                }
            }
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public))
        {
            yield return (nested.Name, nested);
        }

        if (type.IsInterface)
        {
            foreach (var inherited in type.GetInterfaces())
            {
                yield return (inherited.Name, inherited);
            }
        }
    }

    /// <summary>The type and every type inside it: array elements, by-ref targets, generic arguments.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var inner in Unwrap(argument))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool IsOurs(Type type) =>
        !type.IsGenericParameter && type.Assembly.GetName().Name?.StartsWith("Augur.", StringComparison.Ordinal) == true;
}
