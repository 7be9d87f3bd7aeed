using Jixiao.Tests.Shared;

namespace Jixiao.Web.Tests.Access;

/// <summary>The demo county early in March 2026 on each database; its tests move the clock (password expiry, authenticator codes) and set it back to <see cref="ClockedApps.Now"/>.</summary>
public sealed class MarchCounty() : ClockedApps(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
