namespace Retention.Architecture.Tests;

/// <summary>Tests that change process-wide environment variables; xunit runs this collection after the others, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InfraProcessEnvironment
{
    public const string Name = "Process environment";
}
