using System.Linq.Expressions;
using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Web.Features.Imports;
using Jixiao.Domain.Organisation;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Data;

/// <summary>
/// The database as the signed-in user may see it. Every entity that belongs to a region carries a query
/// filter built here from <see cref="CurrentUser.Scope"/>: this is the one place scope is enforced, so a
/// foreign id simply is not found (404). Every save also appends to the hash-chained audit trail.
/// </summary>
public class JixiaoDbContext : IdentityUserContext<AppUser, long>
{
    private readonly CurrentUser _currentUser;
    private readonly TimeProvider _clock;

    public JixiaoDbContext(DbContextOptions<JixiaoDbContext> options, CurrentUser currentUser, TimeProvider clock)
        : this((DbContextOptions)options, currentUser, clock) { }

    protected JixiaoDbContext(DbContextOptions options, CurrentUser currentUser, TimeProvider clock) : base(options)
    {
        _currentUser = currentUser;
        _clock = clock;
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<FiscalYear> FiscalYears => Set<FiscalYear>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<DivisionAssignment> DivisionAssignments => Set<DivisionAssignment>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<LedgerMovement> LedgerMovements => Set<LedgerMovement>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Features.Projects.ProjectTotals> ProjectTotals => Set<Features.Projects.ProjectTotals>();
    public DbSet<Features.Projects.ProjectListVersion> ProjectListVersions => Set<Features.Projects.ProjectListVersion>();
    public DbSet<Domain.Targets.PerformanceTarget> Targets => Set<Domain.Targets.PerformanceTarget>();
    public DbSet<Features.Targets.IndicatorFrameSetting> FrameSettings => Set<Features.Targets.IndicatorFrameSetting>();
    public DbSet<Features.Library.IndicatorLibraryEntry> Library => Set<Features.Library.IndicatorLibraryEntry>();
    public DbSet<Domain.Monitoring.MonitoringRound> MonitoringRounds => Set<Domain.Monitoring.MonitoringRound>();
    public DbSet<Domain.Monitoring.MonitoringTask> MonitoringTasks => Set<Domain.Monitoring.MonitoringTask>();
    public DbSet<Domain.Monitoring.CorrectiveAction> CorrectiveActions => Set<Domain.Monitoring.CorrectiveAction>();
    public DbSet<Features.Monitoring.WarningRuleSetting> WarningRules => Set<Features.Monitoring.WarningRuleSetting>();
    public DbSet<Features.Workflow.WorkflowSetting> WorkflowSettings => Set<Features.Workflow.WorkflowSetting>();
    public DbSet<Features.Workflow.DocumentCounter> DocumentCounters => Set<Features.Workflow.DocumentCounter>();
    public DbSet<Domain.Evaluations.SelfEvaluation> SelfEvaluations => Set<Domain.Evaluations.SelfEvaluation>();
    public DbSet<Features.Evaluations.EvaluationWeightSetting> EvaluationWeights => Set<Features.Evaluations.EvaluationWeightSetting>();
    public DbSet<Features.Evaluations.SpotCheckDraw> SpotChecks => Set<Features.Evaluations.SpotCheckDraw>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<UserRoleAssignment> UserRoles => Set<UserRoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<SecuritySetting> SecuritySettings => Set<SecuritySetting>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected virtual AccessScope Scope => _currentUser.Scope;

    /// <summary>What this context's query filters let it see, as a key for results kept per scope.</summary>
    public string ScopeKey => Scope.IsSystem
        ? "system"
        : $"{string.Join(',', Scope.RegionCodes)}|{(Scope.DataOrgIds is null ? "*" : string.Join(',', Scope.DataOrgIds))}";

    /// <summary>
    /// Only for <c>generate</c> (synthetic benchmark data): rows are saved without per-row audit records;
    /// the generator appends one summary record per region instead.
    /// </summary>
    public bool SuppressRowAudit { get; set; }

    // The query filters read these members on every query (EF parameterises context members).
    private bool ScopeIsSystem => Scope.IsSystem;
    private long ScopeUserId => Scope.UserId ?? 0;
    private List<string> ScopeRegions => [.. Scope.RegionCodes];
    private bool ScopeAllOrgs => Scope.DataOrgIds is null;
    private List<long> ScopeDataOrgs => [.. Scope.DataOrgIds ?? []];
    private List<long> ScopeVisibleOrgs => [.. Scope.VisibleOrgIds ?? []];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JixiaoDbContext).Assembly);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.GetProviderClrType() is null && (p.ClrType.IsEnum || Nullable.GetUnderlyingType(p.ClrType)?.IsEnum == true)))
            property.SetProviderClrType(typeof(string));

        builder.Entity<Region>().HasQueryFilter(r => ScopeIsSystem || ScopeRegions.Contains(r.Code));
        builder.Entity<OrgUnit>().HasQueryFilter(o => ScopeIsSystem
            || (ScopeRegions.Contains(o.RegionCode) && (ScopeAllOrgs || ScopeVisibleOrgs.Contains(o.Id))));
        builder.Entity<AppUser>().HasQueryFilter(u => ScopeIsSystem || u.Id == ScopeUserId
            || (ScopeRegions.Contains(u.RegionCode)
                && (ScopeAllOrgs || (u.OrgUnitId != null && ScopeDataOrgs.Contains(u.OrgUnitId.Value)))));
        builder.Entity<UserRoleAssignment>().HasQueryFilter(r => ScopeIsSystem || r.UserId == ScopeUserId
            || ScopeRegions.Contains(r.RegionCode));
        builder.Entity<ApiToken>().HasQueryFilter(t => ScopeIsSystem || t.UserId == ScopeUserId
            || ScopeRegions.Contains(t.RegionCode));
        // A chain is visible with its region: the verifier checks exactly the chains whose records the caller reads.
        builder.Entity<AuditChainHead>().HasQueryFilter(h => ScopeIsSystem || ScopeRegions.Contains(h.ChainKey));

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType)
                     .Where(t => typeof(IRegionOwned).IsAssignableFrom(t)))
        {
            var entity = builder.Entity(type);
            if (entity.Metadata.GetDeclaredQueryFilters().Count > 0) continue;
            entity.HasQueryFilter(typeof(IOrgOwned).IsAssignableFrom(type) ? OrgFilter(type) : RegionFilter(type));
        }
    }

    /// <summary><c>e => ScopeIsSystem || ScopeRegions.Contains(e.RegionCode)</c></summary>
    private LambdaExpression RegionFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        return Expression.Lambda(Expression.OrElse(Member(nameof(ScopeIsSystem)), InRegions(e)), e);
    }

    /// <summary><c>e => ScopeIsSystem || (ScopeRegions.Contains(e.RegionCode) &amp;&amp; (ScopeAllOrgs || ScopeDataOrgs.Contains(e.OrgUnitId)))</c></summary>
    private LambdaExpression OrgFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var inOrgs = Expression.Call(Member(nameof(ScopeDataOrgs)), typeof(List<long>).GetMethod(nameof(List<long>.Contains))!,
            Expression.Property(e, nameof(IOrgOwned.OrgUnitId)));
        return Expression.Lambda(Expression.OrElse(Member(nameof(ScopeIsSystem)),
            Expression.AndAlso(InRegions(e), Expression.OrElse(Member(nameof(ScopeAllOrgs)), inOrgs))), e);
    }

    private MethodCallExpression InRegions(ParameterExpression e) =>
        Expression.Call(Member(nameof(ScopeRegions)), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!,
            Expression.Property(e, nameof(IRegionOwned.RegionCode)));

    private MemberExpression Member(string name) =>
        Expression.Property(Expression.Constant(this), typeof(JixiaoDbContext).GetProperty(name,
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (SuppressRowAudit)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var credentials = CredentialChanges.Collect(this, _clock.GetUtcNow().UtcDateTime);
        var pending = AuditCapture.Collect(ChangeTracker);
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = await OwnTransactionAsync(cancellationToken);
        // Changes were just detected by the capture; detecting them again is the cost of large saves.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var (actor, now) = AuditContext();
            await AuditChainWriter.AppendAsync(this, pending.Select(p => p.Complete(actor, now)).ToList(), cancellationToken);
            await credentials.ApplyAsync(this, now, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// A transaction of the caller's own, or null when one is already open (e.g. the demo seed wraps everything in
    /// one): commit it only when it is not null.
    /// </summary>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken cancellationToken) =>
        Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;

    private (AuditActor Actor, DateTime Now) AuditContext() =>
        (new AuditActor(_currentUser.UserId, _currentUser.UserName, _currentUser.RegionCode, _currentUser.ClientAddress), _clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Inserts many new rows without change tracking (imports, generated data) and appends an audit record
    /// for each, in one transaction. The rows' generated ids are not read back; the audit record carries
    /// every column, including the row's business key.
    /// </summary>
    public async Task InsertAuditedAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        await using var transaction = await OwnTransactionAsync(cancellationToken);
        await BulkInsert.InsertAsync(this, rows, cancellationToken);
        if (!SuppressRowAudit)
        {
            var (actor, now) = AuditContext();
            var type = Model.FindEntityType(typeof(T))!;
            await AuditChainWriter.AppendAsync(this, rows.Select(r => AuditCapture.ForInsert(type, r, actor, now)).ToList(), cancellationToken);
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Appends events that are not row changes (sign-ins, token issues) to the audit trail.</summary>
    public async Task RecordEventAsync(Domain.Audit.AuditAction action, AppUser? user, string userName, string? detail,
        CancellationToken cancellationToken = default, string? regionCode = null)
    {
        await using var transaction = await OwnTransactionAsync(cancellationToken);
        await AuditChainWriter.AppendAsync(this,
        [
            new AuditEntry
            {
                RegionCode = regionCode ?? user?.RegionCode ?? AuditChainWriter.SystemChain,
                OccurredAtUtc = _clock.GetUtcNow().UtcDateTime,
                UserId = user?.Id,
                UserName = userName,
                Action = action,
                EntityType = nameof(AppUser),
                EntityId = user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Changes = detail,
                ClientAddress = _currentUser.ClientAddress,
            },
        ], cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>
/// The same database seen without scope: for the sign-in machinery (Identity, bearer tokens, computing a
/// user's scope), CLI verbs, seeding and migrations. Request handlers use <see cref="JixiaoDbContext"/>.
/// </summary>
public sealed class SystemDbContext(DbContextOptions<SystemDbContext> options, CurrentUser currentUser, TimeProvider clock)
    : JixiaoDbContext(options, currentUser, clock)
{
    protected override AccessScope Scope => AccessScope.System;
}
