using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Tests.Targets;

namespace Jixiao.Domain.Tests.Monitoring;

/// <summary>The corrective actions finance records after monitoring (DOMAIN.md §4.3) and the ledger movements they make.</summary>
public sealed class CorrectiveActionTests
{
    private static readonly DateOnly Today = new(2026, 8, 15);
    private static readonly DateOnly Date = new(2026, 8, 10);
    private static readonly DateTime Now = new(2026, 8, 15, 2, 30, 0, DateTimeKind.Utc);
    private const decimal Balance = 141_667m; // 全年预算数 200,000 − 执行数 58,333
    private const string Reason = "执行进度严重滞后，预计年底无法支出";

    private static Project School() => Saved.WithId(PerformanceTargetTests.SchoolProject(), 21);

    /// <summary>The project that receives a 调剂.</summary>
    private static Project Nutrition()
    {
        var department = OrgUnit.Create("140423", "106", "襄垣县教育局", OrgKind.Department, null, null);
        var unit = OrgUnit.Create("140423", "10603", "襄垣县第二中学校", OrgKind.Unit, null, department);
        return Saved.WithId(Project.Create("140423", 2026, unit, department.Id, new Project.Details("140423260002", "学生营养改善计划",
            ProjectLevel.Level1, ProjectCategory.SpecificPurpose, Recurrence.Recurring, 2026, 2026, LibraryStatus.Budgeted, BudgetKind.General,
            TransferLevel.None, FundTags.None, new DateOnly(2025, 10, 15))), 22);
    }

    private static CorrectiveAction Record(Project project, CorrectiveKind kind, decimal? amount = 50_000m, DateOnly? date = null,
        string? documentNo = "襄财预〔2026〕31号", string? reason = Reason, Project? counterpart = null) =>
        CorrectiveAction.Record(project, kind, amount, date ?? Date, documentNo, reason, Balance, Today, "perf", Now, taskId: 5, counterpart);

    [Theory]
    [InlineData(CorrectiveKind.Reduction, MovementKind.Reduction)]
    [InlineData(CorrectiveKind.Recovery, MovementKind.Recovery)]
    public void Movements_ReductionOrRecovery_OneMovementOfThatKind(CorrectiveKind kind, MovementKind movement)
    {
        var school = School();
        var action = Record(school, kind);

        var made = Assert.Single(action.Movements(school, null));

        Assert.True(action.MovesMoney);
        Assert.Equal((21L, movement, 50_000m, Date, "襄财预〔2026〕31号"), (made.ProjectId, made.Kind, made.Amount, made.Date, made.DocumentNo));
        Assert.Equal($"{kind.Label()}（监控整改）：{Reason}", made.Reason);
        Assert.Null(made.CounterpartProjectId);
        Assert.Equal((21L, 5L, "perf", Now), (action.ProjectId, action.TaskId, action.RecordedBy, action.RecordedAtUtc));
    }

    [Fact]
    public void Movements_Reallocation_OutOfTheProjectAndIntoTheCounterpart()
    {
        var (school, nutrition) = (School(), Nutrition());
        var action = Record(school, CorrectiveKind.Reallocation, counterpart: nutrition);

        var made = action.Movements(school, nutrition);

        Assert.Equal(22L, action.CounterpartProjectId);
        Assert.Equal(
            [(21L, MovementKind.ReallocationOut, 50_000m, (long?)22L), (22L, MovementKind.ReallocationIn, 50_000m, (long?)21L)],
            made.Select(m => (m.ProjectId, m.Kind, m.Amount, m.CounterpartProjectId)));
        Assert.All(made, m => Assert.Equal((Date, "襄财预〔2026〕31号"), (m.Date, m.DocumentNo)));
    }

    [Theory]
    [InlineData(CorrectiveKind.Suspension, 30_000)]
    [InlineData(CorrectiveKind.TargetAdjustment, null)]
    public void Movements_SuspensionOrTargetAdjustment_None(CorrectiveKind kind, int? amount)
    {
        var school = School();
        var action = Record(school, kind, amount);

        Assert.False(action.MovesMoney);
        Assert.Empty(action.Movements(school, null));
        Assert.Equal(amount ?? 0m, action.Amount);
    }

    [Fact]
    public void Record_TargetAdjustment_KeepsTheVersionItOpened()
    {
        var action = Record(School(), CorrectiveKind.TargetAdjustment, amount: null);
        Assert.Null(action.TargetVersion);
        action.OpenedTargetVersion(2);
        Assert.Equal(2, action.TargetVersion);
    }

    [Fact]
    public void Record_AmountEqualToTheBalance_IsAccepted() =>
        Assert.Equal(Balance, Record(School(), CorrectiveKind.Reduction, Balance).Amount);

    [Theory]
    [InlineData(CorrectiveKind.Reduction, "预算调减金额 14.17 万元（141,667.01 元）超过项目截至 2026-08-10 的可用余额 14.17 万元（141,667.00 元")]
    [InlineData(CorrectiveKind.Recovery, "已支付的资金不能收回")]
    [InlineData(CorrectiveKind.Suspension, "暂缓拨付金额 14.17 万元（141,667.01 元）超过")]
    public void Record_AmountAboveTheBalance_IsRefusedNamingTheBalance(CorrectiveKind kind, string expected)
    {
        var error = Assert.Throws<DomainException>(() => Record(School(), kind, Balance + 0.01m));
        Assert.Contains(expected, error.Message);
        Assert.Equal("金额", error.Field);
    }

    [Fact]
    public void Record_NegativeBalance_IsNamedAsZero()
    {
        var error = Assert.Throws<DomainException>(() =>
            CorrectiveAction.Record(School(), CorrectiveKind.Recovery, 1m, Date, null, Reason, -500m, Today, "perf", Now));
        Assert.Contains("可用余额 0.00 万元（0.00 元", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("进度慢")]
    public void Record_WithoutAReason_IsRefused(string? reason)
    {
        var error = Assert.Throws<DomainException>(() => Record(School(), CorrectiveKind.Reduction, reason: reason));
        Assert.Contains("预算调减必须写明理由（至少 4 个字）", error.Message);
    }

    [Fact]
    public void Record_DatedInTheFuture_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Record(School(), CorrectiveKind.Reduction, date: Today.AddDays(1)));
        Assert.Contains("预算调减日期 2026-08-16 晚于今天 2026-08-15", error.Message);
        Assert.Equal("日期", error.Field);
    }

    [Fact]
    public void Record_DatedToday_IsAccepted() =>
        Assert.Equal(Today, Record(School(), CorrectiveKind.Recovery, date: Today).Date);

    [Fact]
    public void Record_DatedOutsideTheFiscalYear_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Record(School(), CorrectiveKind.Recovery, date: new DateOnly(2025, 12, 31)));
        Assert.Contains("收回日期 2025-12-31 不在预算年度 2026 内", error.Message);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(-10_000)] // a sign typed by mistake is still an amount; it must not be dropped silently
    public void Record_TargetAdjustmentWithAnAmount_IsRefused(int amount)
    {
        var error = Assert.Throws<DomainException>(() => Record(School(), CorrectiveKind.TargetAdjustment, amount));
        Assert.Contains("目标调整不涉及金额", error.Message);
    }

    [Fact]
    public void Record_TargetAdjustmentWithZeroAmount_IsAccepted() =>
        Assert.Equal(0m, Record(School(), CorrectiveKind.TargetAdjustment, 0m).Amount);

    [Fact]
    public void Record_ReallocationWithoutCounterpart_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Record(School(), CorrectiveKind.Reallocation));
        Assert.Contains("调剂必须选择调入的项目", error.Message);
    }

    [Theory]
    [InlineData(CorrectiveKind.Reduction, "预算调减不应有对方项目")]
    [InlineData(CorrectiveKind.TargetAdjustment, "目标调整不应有对方项目")]
    public void Record_CounterpartOnAnotherKind_IsRefused(CorrectiveKind kind, string expected)
    {
        decimal? amount = kind == CorrectiveKind.TargetAdjustment ? null : 1_000m;
        Assert.Contains(expected, Assert.Throws<DomainException>(() => Record(School(), kind, amount, counterpart: Nutrition())).Message);
    }

    [Fact]
    public void Movements_ReallocationToTheProjectItself_IsRefused()
    {
        var school = School();
        var action = Record(school, CorrectiveKind.Reallocation, counterpart: school);
        Assert.Contains("不能是项目自身", Assert.Throws<DomainException>(() => action.Movements(school, school)).Message);
    }

    [Theory]
    [InlineData(CorrectiveKind.Reduction, null)]
    [InlineData(CorrectiveKind.Reallocation, null)]
    [InlineData(CorrectiveKind.Recovery, 0)]
    [InlineData(CorrectiveKind.Recovery, -100)]
    public void Record_MissingOrNonPositiveAmount_IsRefused(CorrectiveKind kind, int? amount)
    {
        var error = Assert.Throws<DomainException>(() => Record(School(), kind, amount, counterpart: kind == CorrectiveKind.Reallocation ? Nutrition() : null));
        Assert.Contains(amount is null ? $"请填写{kind.Label()}金额" : $"{kind.Label()}金额必须大于 0", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Record_NoDocumentNumber_IsRefused(string? documentNo) =>
        Assert.Contains("请填写文件号", Assert.Throws<DomainException>(() => Record(School(), CorrectiveKind.Reduction, documentNo: documentNo)).Message);

    [Fact]
    public void Record_DocumentNumberTooLong_IsRefused() =>
        Assert.Contains("文件号不超过 60 个字符", Assert.Throws<DomainException>(() => Record(School(), CorrectiveKind.Reduction, documentNo: new string('号', 61))).Message);

    [Fact]
    public void Movements_OtherProjectsPassed_IsAProgrammingError()
    {
        var (school, nutrition) = (School(), Nutrition());
        var action = Record(school, CorrectiveKind.Reduction);
        Assert.Throws<InvalidOperationException>(() => action.Movements(nutrition, null));
        Assert.Throws<InvalidOperationException>(() => action.Movements(school, nutrition));
    }
}
