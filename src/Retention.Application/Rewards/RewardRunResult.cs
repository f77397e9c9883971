using System.Collections.Immutable;
using Retention.Domain.Rewards;

namespace Retention.Application.Rewards;

/// <summary>What the nightly programmes did: new decisions, messages queued, and every programme against its holdout.</summary>
public sealed record RewardRunResult(int Decided, int Queued, ImmutableArray<ProgrammeResult> Programmes);
