using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Jixiao.Web.Data;

/// <summary>
/// The database as the signed-in user may see it: the sets, the model (configurations, enums stored as their
/// names) and the scope filters of <see cref="ScopeFilters"/>, which read <see cref="CurrentUser.Scope"/>.
/// Every save appends to the audit trail through <c>Features.Audit.AuditSaveInterceptor</c>.
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
    public DbSet<PaymentHold> PaymentHolds => Set<PaymentHold>();
    public DbSet<ProjectTotals> ProjectTotals => Set<ProjectTotals>();
    public DbSet<ProjectListVersion> ProjectListVersions => Set<ProjectListVersion>();
    public DbSet<Domain.Targets.PerformanceTarget> Targets => Set<Domain.Targets.PerformanceTarget>();
    public DbSet<Domain.Targets.IndicatorFrameSetting> FrameSettings => Set<Domain.Targets.IndicatorFrameSetting>();
    public DbSet<Domain.Indicators.IndicatorLibraryEntry> Library => Set<Domain.Indicators.IndicatorLibraryEntry>();
    public DbSet<Domain.Monitoring.MonitoringRound> MonitoringRounds => Set<Domain.Monitoring.MonitoringRound>();
    public DbSet<Domain.Monitoring.MonitoringTask> MonitoringTasks => Set<Domain.Monitoring.MonitoringTask>();
    public DbSet<Domain.Monitoring.CorrectiveAction> CorrectiveActions => Set<Domain.Monitoring.CorrectiveAction>();
    public DbSet<Domain.Monitoring.WarningRuleSetting> WarningRules => Set<Domain.Monitoring.WarningRuleSetting>();
    public DbSet<Domain.Reviews.WorkflowSetting> WorkflowSettings => Set<Domain.Reviews.WorkflowSetting>();
    public DbSet<Domain.Reviews.DocumentCounter> DocumentCounters => Set<Domain.Reviews.DocumentCounter>();
    public DbSet<Domain.Evaluations.SelfEvaluation> SelfEvaluations => Set<Domain.Evaluations.SelfEvaluation>();
    public DbSet<Domain.Evaluations.EvaluationWeightSetting> EvaluationWeights => Set<Domain.Evaluations.EvaluationWeightSetting>();
    public DbSet<Domain.Evaluations.SpotCheckDraw> SpotChecks => Set<Domain.Evaluations.SpotCheckDraw>();
    public DbSet<Domain.Engagements.Engagement> Engagements => Set<Domain.Engagements.Engagement>();
    public DbSet<Domain.Engagements.EngagementSetting> EngagementSettings => Set<Domain.Engagements.EngagementSetting>();
    public DbSet<Domain.EvaluationPlans.EvaluationPlan> EvaluationPlans => Set<Domain.EvaluationPlans.EvaluationPlan>();
    public DbSet<Domain.EvaluationPlans.EvaluationPlanSetting> EvaluationPlanSettings => Set<Domain.EvaluationPlans.EvaluationPlanSetting>();
    public DbSet<Domain.ExAnte.ExAnteEvaluation> ExAnteEvaluations => Set<Domain.ExAnte.ExAnteEvaluation>();
    public DbSet<Domain.ExAnte.ExAnteSetting> ExAnteSettings => Set<Domain.ExAnte.ExAnteSetting>();
    public DbSet<Domain.Panels.Panel> Panels => Set<Domain.Panels.Panel>();
    public DbSet<Domain.Rectifications.Rectification> Rectifications => Set<Domain.Rectifications.Rectification>();
    public DbSet<Domain.Notices.Notice> Notices => Set<Domain.Notices.Notice>();
    public DbSet<Domain.Disclosure.PublicationBatch> PublicationBatches => Set<Domain.Disclosure.PublicationBatch>();
    public DbSet<Domain.Disclosure.PublishedItem> PublishedItems => Set<Domain.Disclosure.PublishedItem>();
    public DbSet<Domain.Disclosure.Withholding> Withholdings => Set<Domain.Disclosure.Withholding>();
    public DbSet<Domain.Disclosure.DisclosureSetting> DisclosureSettings => Set<Domain.Disclosure.DisclosureSetting>();
    public DbSet<Domain.BudgetLinks.BudgetLink> BudgetLinks => Set<Domain.BudgetLinks.BudgetLink>();
    public DbSet<Domain.BudgetLinks.BudgetLinkSetting> BudgetLinkSettings => Set<Domain.BudgetLinks.BudgetLinkSetting>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceChunk> EvidenceChunks => Set<EvidenceChunk>();
    public DbSet<Domain.Agencies.Agency> Agencies => Set<Domain.Agencies.Agency>();
    public DbSet<Domain.Experts.Expert> Experts => Set<Domain.Experts.Expert>();
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

    /// <summary>Who saves through this context (the audit trail's actor) and the clock its records are dated by.</summary>
    internal CurrentUser User => _currentUser;

    internal TimeProvider Clock => _clock;

    // The query filters (ScopeFilters) read these members on every query (EF parameterises context members).
    internal long ScopeUserId => _currentUser.Scope.UserId ?? 0;
    internal List<string> ScopeRegions => [.. _currentUser.Scope.RegionCodes];
    internal bool ScopeAllOrgs => _currentUser.Scope.DataOrgIds is null;
    internal List<long> ScopeDataOrgs => [.. _currentUser.Scope.DataOrgIds ?? []];
    internal List<long> ScopeVisibleOrgs => [.. _currentUser.Scope.VisibleOrgIds ?? []];
    internal bool ScopeRegisters => _currentUser.Scope.SeesRegisters;
    internal long ScopeAgencyId => _currentUser.Scope.AgencyId ?? 0;
    internal long ScopeExpertId => _currentUser.Scope.ExpertId ?? 0;

    /// <summary>False for the system context, whose model has no scope filters.</summary>
    protected virtual bool Scoped => true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JixiaoDbContext).Assembly);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.GetProviderClrType() is null && (p.ClrType.IsEnum || Nullable.GetUnderlyingType(p.ClrType)?.IsEnum == true)))
            property.SetProviderClrType(typeof(string));
        if (Scoped) ScopeFilters.Apply(builder, this);
    }

    /// <summary>
    /// A transaction of the caller's own, or null when one is already open (e.g. the demo seed wraps everything in
    /// one): commit it only when it is not null.
    /// </summary>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken cancellationToken) =>
        Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
}

/// <summary>
/// The same database seen without scope: for the sign-in machinery (Identity, bearer tokens, computing a
/// user's scope), CLI verbs, seeding and migrations. Request handlers use <see cref="JixiaoDbContext"/>.
/// </summary>
public class SystemDbContext : JixiaoDbContext
{
    public SystemDbContext(DbContextOptions<SystemDbContext> options, CurrentUser currentUser, TimeProvider clock)
        : base(options, currentUser, clock) { }

    protected SystemDbContext(DbContextOptions options) : base(options, new CurrentUser(), TimeProvider.System) { }

    protected override bool Scoped => false;
}
