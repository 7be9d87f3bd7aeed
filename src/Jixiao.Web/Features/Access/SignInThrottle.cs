using System.Threading.RateLimiting;

namespace Jixiao.Web.Features.Access;

/// <summary>Attempts allowed per minute (section <c>SignIn</c>).</summary>
public sealed class SignInLimits
{
    public const string Section = "SignIn";
    /// <summary>Generous: an office behind one NAT address signs in many people.</summary>
    public int PerAddressPerMinute { get; set; } = 60;
    public int PerUserNamePerMinute { get; set; } = 10;
}

/// <summary>
/// Rate limits password and second-factor attempts per client address and per user name (System.Threading.RateLimiting,
/// the limiter ASP.NET Core's middleware uses), checked in the handlers because the user name is in the body. The
/// windows live in this node's memory: with several nodes each node counts alone, and the cross-node guard is the
/// lockout counter in the database (5 failures, 15 minutes), which every node shares.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Refused = "登录尝试过于频繁，请 1 分钟后再试。";

    private readonly PartitionedRateLimiter<Attempt> _limiter;

    public sealed record Attempt(string Address, string UserName);

    public SignInThrottle(Microsoft.Extensions.Options.IOptions<SignInLimits> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Address, _ => Window(limits.PerAddressPerMinute))),
            PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.UserName, _ => Window(limits.PerUserNamePerMinute))));
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <returns>false when the address or the user name has used its attempts for this minute (answer 429)</returns>
    public bool TryAcquire(HttpContext http, string? userName)
    {
        using var lease = _limiter.AttemptAcquire(new Attempt(http.Connection.RemoteIpAddress?.ToString() ?? "-",
            PasswordSignIn.Shortened(userName).ToUpperInvariant()));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
