namespace Jixiao.Tests.Shared;

/// <summary>A clock that always says the same instant, so tests of dated rules do not depend on the day they run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
