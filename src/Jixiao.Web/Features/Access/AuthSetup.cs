using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Access;

/// <summary>Policy names: one per role, plus groups used by several pages.</summary>
public static class Policies
{
    public const string FinanceStaff = nameof(FinanceStaff);
    /// <summary>Roles that work on budget business data (administrators do not: 三员分立).</summary>
    public const string BusinessStaff = nameof(BusinessStaff);
    /// <summary>The agency register: finance reads it whole, an agency account its own record (the scope filter decides which).</summary>
    public const string AgencyRegister = nameof(AgencyRegister);
    /// <summary>The expert pool: finance reads it whole, an expert account its own record.</summary>
    public const string ExpertPool = nameof(ExpertPool);
    /// <summary>委托 and their deliverables: the business staff (finance and the evaluated units) and the engaged agency; scope decides which.</summary>
    public const string EngagementParties = nameof(EngagementParties);
    /// <summary>评审组: the business staff (finance and the reviewed units) and the experts; scope decides which panels.</summary>
    public const string PanelParties = nameof(PanelParties);
    /// <summary>Evidence files: whoever works on a record files are attached to (business staff, agencies, experts); the owner's scope decides.</summary>
    public const string EvidenceParties = nameof(EvidenceParties);
    public static string For(Role role) => role.ToString();
}

public static class AuthSetup
{
    public const string SmartScheme = "Jixiao";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddJixiaoAuth(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.User.RequireUniqueEmail = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<SystemDbContext>()
            .AddPasswordValidator<PolicyPasswordValidator>()
            .AddClaimsPrincipalFactory<JixiaoClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "jixiao.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            // The server-side session check replaces Identity's security-stamp validator (and its extra round trips).
            o.Events.OnValidatePrincipal = UserSessions.ValidateAsync;
        });
        services.AddScoped<PasswordSignIn>();
        services.AddOptions<SignInLimits>().BindConfiguration(SignInLimits.Section);
        services.AddSingleton<SignInThrottle>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.FinanceStaff, p => p.RequireRole(Policies.For(Role.BusinessDivision), Policies.For(Role.PerformanceDivision)))
            .AddPolicy(Policies.BusinessStaff, p => p.RequireRole(Policies.For(Role.UnitFiller), Policies.For(Role.DepartmentReviewer),
                Policies.For(Role.BusinessDivision), Policies.For(Role.PerformanceDivision)))
            .AddPolicy(Policies.AgencyRegister, p => p.RequireRole(Policies.For(Role.BusinessDivision), Policies.For(Role.PerformanceDivision),
                Policies.For(Role.Agency)))
            .AddPolicy(Policies.EngagementParties, p => p.RequireRole(Policies.For(Role.UnitFiller), Policies.For(Role.DepartmentReviewer),
                Policies.For(Role.BusinessDivision), Policies.For(Role.PerformanceDivision), Policies.For(Role.Agency)))
            .AddPolicy(Policies.PanelParties, p => p.RequireRole(Policies.For(Role.UnitFiller), Policies.For(Role.DepartmentReviewer),
                Policies.For(Role.BusinessDivision), Policies.For(Role.PerformanceDivision), Policies.For(Role.Expert)))
            .AddPolicy(Policies.EvidenceParties, p => p.RequireRole(Policies.For(Role.UnitFiller), Policies.For(Role.DepartmentReviewer),
                Policies.For(Role.BusinessDivision), Policies.For(Role.PerformanceDivision), Policies.For(Role.Agency), Policies.For(Role.Expert)))
            .AddPolicy(Policies.ExpertPool, p => p.RequireRole(Policies.For(Role.BusinessDivision), Policies.For(Role.PerformanceDivision),
                Policies.For(Role.Expert)));
        services.AddSingleton<IConfigureOptions<AuthorizationOptions>, RolePolicies>();

        services.AddScoped<CurrentUser>();
        return services;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private sealed class RolePolicies : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions options)
        {
            foreach (var role in Roles.All)
                options.AddPolicy(Policies.For(role), p => p.RequireRole(Policies.For(role)));
        }
    }
}

/// <summary>Puts the user's roles, region and organisation into the sign-in cookie.</summary>
public sealed class JixiaoClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, SystemDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        AddJixiaoClaims(identity, user, await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.Role).ToListAsync());
        return identity;
    }

    /// <summary>The claims of ours on a cookie or a bearer-token identity: roles, display name, region.</summary>
    public static void AddJixiaoClaims(ClaimsIdentity identity, AppUser user, IEnumerable<Role> roles)
    {
        foreach (var role in roles)
            identity.AddClaim(new Claim(ClaimTypes.Role, Policies.For(role)));
        identity.AddClaim(new Claim(JixiaoClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(JixiaoClaims.Region, user.RegionCode));
    }
}

public static class JixiaoClaims
{
    public const string DisplayName = "jixiao:name";
    public const string Region = "jixiao:region";
}

public sealed class PolicyPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = PasswordPolicy.Check(password, user.UserName);
        return Task.FromResult(errors.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.Select(e => new IdentityError { Code = "PasswordPolicy", Description = e }).ToArray()));
    }
}
