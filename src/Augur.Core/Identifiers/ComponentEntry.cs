namespace Augur.Core.Identifiers;

/// <summary>One component in a catalogue: its id, a one-line description, and how to build it.</summary>
public sealed record ComponentEntry<T>(string Id, string Summary, Func<T> Create);
