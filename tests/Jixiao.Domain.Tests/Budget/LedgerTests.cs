using System.Globalization;
using Jixiao.Domain.Budget;

namespace Jixiao.Domain.Tests.Budget;

public sealed class LedgerTests
{
    private const int Year = 2026;
    private static readonly DateOnly YearEnd = new(2026, 12, 31);

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static LedgerEntry Move(string date, MovementKind kind, decimal amount, string document = "襄财预〔2026〕1号",
        string reason = "", string? counterpart = null) =>
        new(kind, amount, D(date), document, reason, counterpart);

    private static PaymentEntry Pay(string date, decimal amount, string document) => new(D(date), amount, document);

    // ------------------------------------------------------------------ signs

    /// <summary>DOMAIN §2: the direction of each kind of movement.</summary>
    public static readonly TheoryData<MovementKind, int> Signs = new()
    {
        { MovementKind.InitialApproval,   +1 }, // 年初批复
        { MovementKind.Addition,          +1 }, // 追加
        { MovementKind.Reduction,         -1 }, // 调减
        { MovementKind.ReallocationOut,   -1 }, // 调剂转出
        { MovementKind.ReallocationIn,    +1 }, // 调剂转入
        { MovementKind.CarryOver,         +1 }, // 上年结转
        { MovementKind.PoolAllocationOut, -1 }, // 待分资金分配转出
        { MovementKind.PoolAllocationIn,  +1 }, // 待分资金分配转入
        { MovementKind.Recovery,          -1 }, // 收回
    };

    [Theory]
    [MemberData(nameof(Signs))]
    public void SignOf_EachKind_ReturnsDirection(MovementKind kind, int sign)
    {
        Assert.Equal(sign, Ledger.SignOf(kind));
    }

    [Fact]
    public void SignOf_UndefinedKind_ThrowsChinese()
    {
        var ex = Assert.Throws<DomainException>(() => Ledger.SignOf((MovementKind)99));

        Chinese.AssertMessage(ex.Message);
        Assert.Contains("99", ex.Message);
    }

    /// <summary>Each kind alone on an otherwise empty ledger.</summary>
    public static readonly TheoryData<MovementKind, decimal, decimal, decimal> EachKindAlone = new()
    {
        // kind                            amount        全年预算数     年初预算数
        { MovementKind.InitialApproval,   1_000_000m,   1_000_000m,   1_000_000m },
        { MovementKind.Addition,            300_000m,     300_000m,           0m },
        { MovementKind.Reduction,           100_000m,    -100_000m,           0m },
        { MovementKind.ReallocationOut,      50_000m,     -50_000m,           0m },
        { MovementKind.ReallocationIn,       50_000m,      50_000m,           0m },
        { MovementKind.CarryOver,            80_000.55m,   80_000.55m,        0m },
        { MovementKind.PoolAllocationOut,   200_000m,    -200_000m,           0m },
        { MovementKind.PoolAllocationIn,    200_000m,     200_000m,           0m },
        { MovementKind.Recovery,             12_345.67m,  -12_345.67m,        0m },
    };

    [Theory]
    [MemberData(nameof(EachKindAlone))]
    public void Compute_SingleMovement_AddsAmountWithSignOfKind(MovementKind kind, decimal amount, decimal adjusted, decimal initial)
    {
        var figures = Ledger.Compute([Move("2026-03-01", kind, amount, reason: "依据文件")], [], YearEnd, Year);

        Assert.Equal(adjusted, figures.AdjustedBudget);
        Assert.Equal(initial, figures.InitialBudget);
        Assert.Equal(0m, figures.Executed);
        Assert.Equal(adjusted, figures.Balance);
        Assert.Equal(amount, figures.TotalOf(kind));
        var line = Assert.Single(figures.Lines);
        Assert.Equal(new LedgerLine(D("2026-03-01"), kind, "襄财预〔2026〕1号", "依据文件", null, adjusted, adjusted), line);
        Assert.Equal(adjusted > 0 ? 0m : (decimal?)null, figures.ExecutionRate);
    }

    // ------------------------------------------------------------------ a project with adjustments

    /// <summary>
    /// A project whose 全年预算数 differs from its 年初预算数, given out of order. Each row: date, kind, amount,
    /// document, and the running 全年预算数 after it.
    /// </summary>
    private static readonly (string Date, MovementKind Kind, decimal Amount, string Document, decimal Running)[] Adjusted =
    [
        ("2026-01-10", MovementKind.CarryOver,         150_000m, "襄财预〔2026〕3号",    150_000m),
        ("2026-01-15", MovementKind.InitialApproval, 1_000_000m, "襄财预〔2026〕1号",  1_150_000m),
        ("2026-03-10", MovementKind.Addition,          300_000m, "襄财预〔2026〕21号", 1_450_000m),
        ("2026-05-20", MovementKind.Reduction,         100_000m, "襄财预〔2026〕35号", 1_350_000m),
        ("2026-06-01", MovementKind.ReallocationIn,     60_000m, "襄财预〔2026〕40号", 1_410_000m),
        ("2026-06-15", MovementKind.ReallocationOut,    40_000m, "襄财预〔2026〕44号", 1_370_000m),
        ("2026-07-01", MovementKind.PoolAllocationIn,  200_000m, "襄财预〔2026〕52号", 1_570_000m),
    ];

    private static readonly PaymentEntry[] AdjustedPayments =
    [
        new(new DateOnly(2026, 2, 20), 200_000m, "ZF-0001"),
        new(new DateOnly(2026, 4, 30), 300_000m, "ZF-0002"),
        new(new DateOnly(2026, 7, 31), 209_640m, "ZF-0003"),
        new(new DateOnly(2026, 9, 1), 90_000m, "ZF-0004"), // after the cut-off
    ];

    private static LedgerFigures ComputeAdjusted(string asOf = "2026-07-31") =>
        Ledger.Compute(Adjusted.Reverse().Select(r => Move(r.Date, r.Kind, r.Amount, r.Document)), AdjustedPayments, D(asOf), Year);

    [Fact]
    public void Compute_MovementsAfterInitialApproval_AdjustedBudgetDiffersFromInitial()
    {
        var figures = ComputeAdjusted();

        // 1,000,000 + 300,000 − 100,000 + 60,000 − 40,000 + 150,000 + 200,000
        Assert.Equal(1_000_000m, figures.InitialBudget);
        Assert.Equal(1_570_000m, figures.AdjustedBudget);
        Assert.Equal(709_640m, figures.Executed);
        Assert.Equal(3, figures.PaymentCount);
        Assert.Equal(860_360m, figures.Balance);
    }

    [Fact]
    public void Compute_MovementsAfterInitialApproval_ExecutionRateUsesAdjustedBudgetNotInitial()
    {
        var figures = ComputeAdjusted();

        Assert.Equal(0.4520m, figures.ExecutionRate);          // 709,640 ÷ 1,570,000
        Assert.NotEqual(0.7096m, figures.ExecutionRate);       // 709,640 ÷ 1,000,000 would be wrong
    }

    [Fact]
    public void Compute_MovementsOutOfOrder_LinesInDateOrderWithRunningAdjustedBudget()
    {
        var figures = ComputeAdjusted();

        Assert.Equal(Adjusted.Select(r => (D(r.Date), r.Kind, r.Document, Ledger.SignOf(r.Kind) * r.Amount, r.Running)),
            figures.Lines.Select(l => (l.Date, l.Kind, l.DocumentNo, l.SignedAmount, l.RunningAdjusted)));
        Assert.Equal(figures.AdjustedBudget, figures.Lines[^1].RunningAdjusted);
    }

    [Fact]
    public void Compute_AnyInputOrder_GivesSameFigures()
    {
        var movements = Adjusted.Select(r => Move(r.Date, r.Kind, r.Amount, r.Document)).ToArray();
        var expected = Ledger.Compute(movements, AdjustedPayments, YearEnd, Year);
        var random = new Random(20260731);

        for (var i = 0; i < 20; i++)
        {
            var shuffled = movements.OrderBy(_ => random.Next()).ToArray();
            var payments = AdjustedPayments.OrderBy(_ => random.Next()).ToArray();
            var figures = Ledger.Compute(shuffled, payments, YearEnd, Year);

            Assert.Equal(expected.Lines, figures.Lines);
            Assert.Equal(expected.AdjustedBudget, figures.AdjustedBudget);
            Assert.Equal(expected.Executed, figures.Executed);
        }
    }

    [Fact]
    public void Compute_SameDate_OrdersByDocumentNumber()
    {
        var figures = Ledger.Compute(
        [
            Move("2026-03-01", MovementKind.Addition, 20m, "B-002"),
            Move("2026-03-01", MovementKind.InitialApproval, 100m, "A-001"),
            Move("2026-02-01", MovementKind.CarryOver, 5m, "C-003"),
        ], [], YearEnd, Year);

        Assert.Equal(["C-003", "A-001", "B-002"], figures.Lines.Select(l => l.DocumentNo));
        Assert.Equal([5m, 105m, 125m], figures.Lines.Select(l => l.RunningAdjusted));
    }

    [Fact]
    public void Compute_PairedMovement_KeepsReasonAndCounterpartOnLine()
    {
        var figures = Ledger.Compute(
            [Move("2026-06-01", MovementKind.ReallocationIn, 60_000m, "襄财预〔2026〕40号", "校舍维修调剂", "县教育局-校园安全项目")],
            [], YearEnd, Year);

        var line = Assert.Single(figures.Lines);
        Assert.Equal("校舍维修调剂", line.Reason);
        Assert.Equal("县教育局-校园安全项目", line.Counterpart);
    }

    // ------------------------------------------------------------------ pairs between projects

    /// <summary>
    /// Three projects of one region: a 待分资金 pool and two department projects, with a 调剂 between the two
    /// and allocations from the pool. Movements move money between projects, so at every date the sum of the
    /// 全年预算数 equals the sum of the money brought in from outside (年初批复 here).
    /// </summary>
    private static readonly Dictionary<string, LedgerEntry[]> Region = new()
    {
        ["待分资金"] =
        [
            Move("2026-01-15", MovementKind.InitialApproval, 5_000_000m, "襄财预〔2026〕1号"),
            Move("2026-04-01", MovementKind.PoolAllocationOut, 1_200_000m, "襄财预〔2026〕30号", counterpart: "义务教育"),
            Move("2026-08-01", MovementKind.PoolAllocationOut, 800_000m, "襄财预〔2026〕61号", counterpart: "乡村道路"),
        ],
        ["义务教育"] =
        [
            Move("2026-01-15", MovementKind.InitialApproval, 2_000_000m, "襄财预〔2026〕1号"),
            Move("2026-04-01", MovementKind.PoolAllocationIn, 1_200_000m, "襄财预〔2026〕30号", counterpart: "待分资金"),
            Move("2026-06-15", MovementKind.ReallocationOut, 300_000m, "襄财预〔2026〕44号", counterpart: "乡村道路"),
        ],
        ["乡村道路"] =
        [
            Move("2026-01-15", MovementKind.InitialApproval, 1_000_000m, "襄财预〔2026〕1号"),
            Move("2026-06-15", MovementKind.ReallocationIn, 300_000m, "襄财预〔2026〕44号", counterpart: "义务教育"),
            Move("2026-08-01", MovementKind.PoolAllocationIn, 800_000m, "襄财预〔2026〕61号", counterpart: "待分资金"),
        ],
    };

    public static readonly TheoryData<string, decimal, decimal, decimal> RegionByDate = new()
    {
        // as of          待分资金        义务教育       乡村道路
        { "2026-01-14",           0m,           0m,           0m },
        { "2026-01-15",   5_000_000m,   2_000_000m,   1_000_000m },
        { "2026-03-31",   5_000_000m,   2_000_000m,   1_000_000m },
        { "2026-04-01",   3_800_000m,   3_200_000m,   1_000_000m },
        { "2026-06-15",   3_800_000m,   2_900_000m,   1_300_000m },
        { "2026-07-31",   3_800_000m,   2_900_000m,   1_300_000m },
        { "2026-08-01",   3_000_000m,   2_900_000m,   2_100_000m },
        { "2026-12-31",   3_000_000m,   2_900_000m,   2_100_000m },
    };

    [Theory]
    [MemberData(nameof(RegionByDate))]
    public void Compute_TransfersBetweenProjects_ConserveTotal(string asOf, decimal pool, decimal education, decimal roads)
    {
        var figures = Region.ToDictionary(p => p.Key, p => Ledger.Compute(p.Value, [], D(asOf), Year));

        Assert.Equal(pool, figures["待分资金"].AdjustedBudget);
        Assert.Equal(education, figures["义务教育"].AdjustedBudget);
        Assert.Equal(roads, figures["乡村道路"].AdjustedBudget);
        Assert.Equal(figures.Values.Sum(f => f.InitialBudget), figures.Values.Sum(f => f.AdjustedBudget));
        Assert.Empty(Ledger.CheckPairs(Region.Values.SelectMany(m => m).Where(m => m.Date <= D(asOf))
            .Select(m => (m.DocumentNo, m.Kind, m.Amount))));
    }

    [Fact]
    public void Compute_PoolAfterAllocations_BalanceIsWhatRemainsToAllocate()
    {
        var pool = Ledger.Compute(Region["待分资金"], [], YearEnd, Year);

        Assert.Equal(5_000_000m, pool.InitialBudget);
        Assert.Equal(3_000_000m, pool.AdjustedBudget);
        Assert.Equal(3_000_000m, pool.Balance);
        Assert.Equal(2_000_000m, pool.TotalOf(MovementKind.PoolAllocationOut));
        Assert.Equal(0m, pool.ExecutionRate);
        Assert.Contains("全年预算数 3,000,000.00 = 年初批复 5,000,000.00 − 待分资金分配转出 2,000,000.00；", pool.Explain());
    }

    [Fact]
    public void Compute_ProjectReceivingPoolAllocation_CountsAllocationInAdjustedBudget()
    {
        var roads = Ledger.Compute(Region["乡村道路"], [Pay("2026-09-30", 1_050_000m, "ZF-0100")], YearEnd, Year);

        Assert.Equal(1_000_000m, roads.InitialBudget);
        Assert.Equal(2_100_000m, roads.AdjustedBudget);
        Assert.Equal(0.5000m, roads.ExecutionRate);
    }

    // ------------------------------------------------------------------ recovery

    [Fact]
    public void Compute_RecoveryOfIdleFunds_LowersAdjustedBudgetAndRaisesRate()
    {
        LedgerEntry[] movements =
        [
            Move("2026-01-15", MovementKind.InitialApproval, 500_000m, "襄财预〔2026〕1号"),
            Move("2026-11-30", MovementKind.Recovery, 150_000m, "襄财预〔2026〕88号", "监控发现资金闲置，收回"),
        ];
        PaymentEntry[] payments = [Pay("2026-06-30", 300_000m, "ZF-0001")];

        var before = Ledger.Compute(movements, payments, D("2026-11-29"), Year);
        var after = Ledger.Compute(movements, payments, D("2026-11-30"), Year);

        Assert.Equal((500_000m, 0.6000m, 200_000m), (before.AdjustedBudget, before.ExecutionRate!.Value, before.Balance));
        Assert.Equal((350_000m, 0.8571m, 50_000m), (after.AdjustedBudget, after.ExecutionRate!.Value, after.Balance));
        Assert.Equal(500_000m, after.InitialBudget);
        Assert.Contains("− 收回 150,000.00", after.Explain());
    }

    // ------------------------------------------------------------------ as-of dates

    private static readonly LedgerEntry[] BoundaryMovements =
    [
        Move("2026-01-01", MovementKind.InitialApproval, 1_000_000m, "襄财预〔2026〕1号"),
        Move("2026-07-31", MovementKind.Addition, 200_000m, "襄财预〔2026〕50号"),
        Move("2026-12-31", MovementKind.Reduction, 50_000m, "襄财预〔2026〕99号"),
    ];

    private static readonly PaymentEntry[] BoundaryPayments =
    [
        new(new DateOnly(2026, 1, 1), 10_000m, "ZF-0001"),
        new(new DateOnly(2026, 7, 31), 100_000m, "ZF-0002"),
        new(new DateOnly(2026, 8, 1), 50_000m, "ZF-0003"),
        new(new DateOnly(2026, 12, 31), 40_000m, "ZF-0004"),
    ];

    public static readonly TheoryData<string, decimal, decimal, int, decimal?, decimal> AsOfDates = new()
    {
        // as of          全年预算数    执行数     笔数   执行率     时间进度
        { "2025-12-31",          0m,        0m,   0,   null,    0m      },
        { "2026-01-01",  1_000_000m,   10_000m,   1,   0.0100m, 0.0027m },  // the day itself counts
        { "2026-07-30",  1_000_000m,   10_000m,   1,   0.0100m, 0.5781m },  // the day before: not yet
        { "2026-07-31",  1_200_000m,  110_000m,   2,   0.0917m, 0.5808m },  // movement and payment on the day
        { "2026-08-01",  1_200_000m,  160_000m,   3,   0.1333m, 0.5836m },
        { "2026-12-30",  1_200_000m,  160_000m,   3,   0.1333m, 0.9973m },
        { "2026-12-31",  1_150_000m,  200_000m,   4,   0.1739m, 1.0000m },
        { "2027-01-01",  1_150_000m,  200_000m,   4,   0.1739m, 1m      },
    };

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public void Compute_AsOfDate_CountsOnlyMovementsAndPaymentsOnOrBeforeIt(string asOf, decimal adjusted, decimal executed,
        int payments, decimal? rate, decimal timeProgress)
    {
        var figures = Ledger.Compute(BoundaryMovements, BoundaryPayments, D(asOf), Year);

        Assert.Equal(D(asOf), figures.AsOf);
        Assert.Equal(adjusted, figures.AdjustedBudget);
        Assert.Equal(executed, figures.Executed);
        Assert.Equal(payments, figures.PaymentCount);
        Assert.Equal(rate, figures.ExecutionRate);
        Assert.Equal(timeProgress, figures.TimeProgress);
        Assert.All(figures.Lines, l => Assert.True(l.Date <= D(asOf)));
    }

    // ------------------------------------------------------------------ execution rate

    public static readonly TheoryData<decimal, decimal, decimal?> Rates = new()
    {
        // 全年预算数     执行数        执行率
        {  1_200_000m,    542_400m,    0.4520m },
        {          3m,          1m,    0.3333m },
        {          3m,          2m,    0.6667m },
        {    100_000m,     45_205m,    0.4521m },  // 0.45205: 四舍五入, not banker's rounding
        {    100_000m,     45_215m,    0.4522m },  // 0.45215
        {    100_000m,    110_000m,    1.1000m },  // over-execution is shown as it is
        {    100_000m,    100_000m,    1.0000m },
        {    100_000m,          0m,    0m      },
        {          0m,          0m,    null    },  // no budget: no rate
        {          0m,     10_000m,    null    },
        {    -50_000m,     10_000m,    null    },  // reduced below zero: no rate
    };

    [Theory]
    [MemberData(nameof(Rates))]
    public void Compute_ExecutedAgainstAdjusted_RateIsFractionWithFourDecimals(decimal adjusted, decimal executed, decimal? rate)
    {
        var movements = new List<LedgerEntry>();
        if (adjusted > 0)
            movements.Add(Move("2026-01-15", MovementKind.InitialApproval, adjusted));
        if (adjusted < 0)
            movements.Add(Move("2026-01-15", MovementKind.Reduction, -adjusted));
        var payments = executed > 0 ? new[] { Pay("2026-05-01", executed, "ZF-0001") } : [];

        var figures = Ledger.Compute(movements, payments, YearEnd, Year);

        Assert.Equal(adjusted, figures.AdjustedBudget);
        Assert.Equal(rate, figures.ExecutionRate);
    }

    [Fact]
    public void Compute_BudgetReducedToZero_ExecutionRateIsNull()
    {
        var figures = Ledger.Compute(
        [
            Move("2026-01-15", MovementKind.InitialApproval, 80_000m, "襄财预〔2026〕1号"),
            Move("2026-09-01", MovementKind.Reduction, 80_000m, "襄财预〔2026〕70号"),
        ], [], YearEnd, Year);

        Assert.Equal(80_000m, figures.InitialBudget);
        Assert.Equal(0m, figures.AdjustedBudget);
        Assert.Null(figures.ExecutionRate);
        Assert.Contains("执行率不计算", figures.Explain());
    }

    [Fact]
    public void Compute_NoMovementsNoPayments_AllZero()
    {
        var figures = Ledger.Compute([], [], D("2026-07-31"), Year);

        Assert.Equal((0m, 0m, 0m, 0, 0m), (figures.InitialBudget, figures.AdjustedBudget, figures.Executed, figures.PaymentCount, figures.Balance));
        Assert.Null(figures.ExecutionRate);
        Assert.Empty(figures.Lines);
        Assert.Equal(0.5808m, figures.TimeProgress);
    }

    // ------------------------------------------------------------------ invalid input

    public static readonly TheoryData<decimal> BadAmounts = new() { 0m, -100m, 12.345m, 1_000_000_000_000.01m };

    [Theory]
    [MemberData(nameof(BadAmounts))]
    public void Compute_MovementWithBadAmount_ThrowsNamingDocument(decimal amount)
    {
        var ex = Assert.Throws<DomainException>(() =>
            Ledger.Compute([Move("2026-03-01", MovementKind.Reduction, amount, "襄财预〔2026〕9号")], [], YearEnd, Year));

        Chinese.AssertMessage(ex.Message);
        Assert.Contains("襄财预〔2026〕9号", ex.Message);
        Assert.Contains("调减", ex.Message);
        Assert.Equal("金额", ex.Field);
    }

    [Fact]
    public void Compute_BadMovementAfterAsOf_StillThrows()
    {
        Assert.Throws<DomainException>(() =>
            Ledger.Compute([Move("2026-12-01", MovementKind.Addition, -1m)], [], D("2026-07-31"), Year));
    }

    [Theory]
    [MemberData(nameof(BadAmounts))]
    public void Compute_PaymentWithBadAmount_ThrowsNamingVoucher(decimal amount)
    {
        var ex = Assert.Throws<DomainException>(() =>
            Ledger.Compute([], [Pay("2026-03-01", amount, "ZF-0042")], YearEnd, Year));

        Chinese.AssertMessage(ex.Message);
        Assert.Contains("ZF-0042", ex.Message);
        Assert.Equal("金额", ex.Field);
    }

    [Theory]
    [InlineData(2014)]
    [InlineData(2101)]
    public void Compute_FiscalYearOutOfRange_Throws(int year)
    {
        var ex = Assert.Throws<DomainException>(() => Ledger.Compute([], [], YearEnd, year));

        Assert.Equal("预算年度", ex.Field);
    }

    // ------------------------------------------------------------------ explanation

    [Fact]
    public void Explain_InitialAdditionReduction_ReadsAsFormula()
    {
        var figures = Ledger.Compute(
        [
            Move("2026-01-15", MovementKind.InitialApproval, 1_000_000m, "襄财预〔2026〕1号"),
            Move("2026-03-10", MovementKind.Addition, 300_000m, "襄财预〔2026〕21号"),
            Move("2026-05-20", MovementKind.Reduction, 100_000m, "襄财预〔2026〕35号"),
        ],
        Enumerable.Range(1, 12).Select(i => Pay($"2026-{(i + 1) / 2:00}-10", 45_200m, $"ZF-{i:0000}")),
        D("2026-07-31"), Year);

        Assert.Equal(
            "截至 2026-07-31（金额单位：元）：全年预算数 1,200,000.00 = 年初批复 1,000,000.00 + 追加 300,000.00 − 调减 100,000.00；" +
            "执行数 542,400.00 = 12 笔支付合计；执行率 = 执行数 ÷ 全年预算数 = 45.20%；" +
            "余额 = 全年预算数 − 执行数 = 657,600.00；时间进度 58.08%。",
            figures.Explain());
    }

    [Fact]
    public void Explain_AllTermsPresent_NamesEveryNonZeroTermInFormulaOrder()
    {
        var text = ComputeAdjusted().Explain();

        Assert.Contains("全年预算数 1,570,000.00 = 年初批复 1,000,000.00 + 追加 300,000.00 − 调减 100,000.00 " +
                        "+ 调剂转入 60,000.00 − 调剂转出 40,000.00 + 上年结转 150,000.00 + 待分资金分配转入 200,000.00；", text);
        Assert.Contains("执行数 709,640.00 = 3 笔支付合计", text);
        Assert.Contains("执行率 = 执行数 ÷ 全年预算数 = 45.20%", text);
        Assert.DoesNotContain("收回", text);
        Assert.DoesNotContain("待分资金分配转出", text);
    }

    public static readonly TheoryData<MovementKind, string> SingleTermExplanations = new()
    {
        { MovementKind.Addition,  "全年预算数 300.00 = 追加 300.00；" },
        { MovementKind.Reduction, "全年预算数 -300.00 = − 调减 300.00；" },
        { MovementKind.Recovery,  "全年预算数 -300.00 = − 收回 300.00；" },
    };

    [Theory]
    [MemberData(nameof(SingleTermExplanations))]
    public void Explain_SingleTerm_StartsWithThatTerm(MovementKind kind, string expected)
    {
        var text = Ledger.Compute([Move("2026-03-01", kind, 300m)], [], YearEnd, Year).Explain();

        Assert.Contains(expected, text);
        Assert.DoesNotContain("年初批复", text);
    }

    [Fact]
    public void Explain_EmptyLedger_SaysThereIsNothing()
    {
        var text = Ledger.Compute([], [], D("2026-03-31"), Year).Explain();

        Chinese.AssertMessage(text);
        Assert.Equal("截至 2026-03-31（金额单位：元）：全年预算数 0.00（无指标文件）；执行数 0.00（无支付）；执行率不计算（全年预算数不大于 0）；" +
                     "余额 = 全年预算数 − 执行数 = 0.00；时间进度 24.66%。", text);
    }

    // ------------------------------------------------------------------ pair check

    /// <summary>"文件号 类型 金额" rows, as a 指标文件 lists them.</summary>
    private static IEnumerable<(string, MovementKind, decimal)> Rows(string[] rows) => rows.Select(row =>
    {
        var parts = row.Split(' ');
        var kind = Enum.GetValues<MovementKind>().Single(k => k.Label() == parts[1]);
        return (parts[0], kind, decimal.Parse(parts[2], CultureInfo.InvariantCulture));
    });

    public static readonly TheoryData<string[]> BalancedPairs = new()
    {
        { ["财预20号 调剂转出 50000", "财预20号 调剂转入 50000"] },
        { ["财预20号 调剂转入 50000", "财预20号 调剂转出 50000"] },
        // one pool document split across two receiving projects
        { ["财预30号 待分资金分配转出 2000000", "财预30号 待分资金分配转入 1200000", "财预30号 待分资金分配转入 800000"] },
        // one 调剂 out to two projects
        { ["财预21号 调剂转出 90000", "财预21号 调剂转入 30000.50", "财预21号 调剂转入 59999.50"] },
        // unpaired kinds are not checked
        { ["财预1号 年初批复 1000000", "财预2号 追加 300000", "财预3号 调减 100000", "财预4号 上年结转 5000", "财预5号 收回 100"] },
        // same document number carrying both a 调剂 and an allocation, each balanced
        { ["财预40号 调剂转出 100", "财预40号 调剂转入 100", "财预40号 待分资金分配转出 7", "财预40号 待分资金分配转入 7"] },
        { [] },
    };

    [Theory]
    [MemberData(nameof(BalancedPairs))]
    public void CheckPairs_BalancedDocuments_ReportsNothing(string[] rows)
    {
        Assert.Empty(Ledger.CheckPairs(Rows(rows)));
    }

    public static readonly TheoryData<string[], string[]> UnbalancedPairs = new()
    {
        {
            ["财预20号 调剂转出 50000", "财预20号 调剂转入 40000"],
            ["文件号 财预20号：调剂转出 50,000.00 元，调剂转入 40,000.00 元，不相等（相差 10,000.00 元）。"]
        },
        {
            ["财预20号 调剂转出 50000"],
            ["文件号 财预20号：调剂转出 50,000.00 元，调剂转入 0.00 元，不相等（缺少调剂转入）。"]
        },
        {
            ["财预20号 调剂转入 50000"],
            ["文件号 财预20号：调剂转出 0.00 元，调剂转入 50,000.00 元，不相等（缺少调剂转出）。"]
        },
        {
            ["财预30号 待分资金分配转出 2000000", "财预30号 待分资金分配转入 1200000"],
            ["文件号 财预30号：待分资金分配转出 2,000,000.00 元，待分资金分配转入 1,200,000.00 元，不相等（相差 800,000.00 元）。"]
        },
        {
            // a 调剂 out does not balance an allocation in
            ["财预31号 调剂转出 500", "财预31号 待分资金分配转入 500"],
            [
                "文件号 财预31号：调剂转出 500.00 元，调剂转入 0.00 元，不相等（缺少调剂转入）。",
                "文件号 财预31号：待分资金分配转出 0.00 元，待分资金分配转入 500.00 元，不相等（缺少待分资金分配转出）。",
            ]
        },
        {
            // only the bad document is reported, documents in order
            ["财预9号 调剂转出 1", "财预8号 调剂转出 10", "财预8号 调剂转入 10", "财预7号 调剂转入 0.01"],
            [
                "文件号 财预7号：调剂转出 0.00 元，调剂转入 0.01 元，不相等（缺少调剂转出）。",
                "文件号 财预9号：调剂转出 1.00 元，调剂转入 0.00 元，不相等（缺少调剂转入）。",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(UnbalancedPairs))]
    public void CheckPairs_UnbalancedDocuments_ReportsEachInChinese(string[] rows, string[] problems)
    {
        var found = Ledger.CheckPairs(Rows(rows));

        Assert.Equal(problems, found);
        Assert.All(found, Chinese.AssertMessage);
    }

    [Fact]
    public void CheckPairs_DocumentNumberWithSurroundingSpaces_GroupedWithTrimmedNumber()
    {
        Assert.Empty(Ledger.CheckPairs(
        [
            (" 财预20号", MovementKind.ReallocationOut, 50_000m),
            ("财预20号 ", MovementKind.ReallocationIn, 50_000m),
        ]));
    }
}

public sealed class TimeProgressTests
{
    public static readonly TheoryData<string, int, decimal> Dates = new()
    {
        // date          fiscal year   时间进度
        { "2025-12-31",  2026,         0m      },  // before the year
        { "2020-06-30",  2026,         0m      },
        { "2026-01-01",  2026,         0.0027m },  // 1 / 365
        { "2026-06-30",  2026,         0.4959m },  // 181 / 365
        { "2026-07-31",  2026,         0.5808m },  // 212 / 365
        { "2026-12-30",  2026,         0.9973m },  // 364 / 365
        { "2026-12-31",  2026,         1.0000m },  // 365 / 365
        { "2027-01-01",  2026,         1m      },  // after the year
        { "2030-01-01",  2026,         1m      },
        { "2024-02-29",  2024,         0.1639m },  // 60 / 366
        { "2024-07-31",  2024,         0.5820m },  // 213 / 366
        { "2024-12-30",  2024,         0.9973m },  // 365 / 366
        { "2024-12-31",  2024,         1.0000m },  // 366 / 366, leap year
        { "2025-07-02",  2025,         0.5014m },  // 183 / 365 = 0.50137
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void AsOf_Date_ReturnsShareOfYearElapsed(string date, int fiscalYear, decimal expected)
    {
        Assert.Equal(expected, TimeProgress.AsOf(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), fiscalYear));
    }

    [Fact]
    public void AsOf_EveryDayOfYear_RisesMonotonicallyFromAboveZeroToOne()
    {
        var values = Enumerable.Range(0, 365).Select(i => TimeProgress.AsOf(new DateOnly(2026, 1, 1).AddDays(i), 2026)).ToList();

        Assert.True(values[0] > 0m);
        Assert.Equal(1m, values[^1]);
        Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.First <= pair.Second));
        Assert.All(values, v => Assert.Equal(decimal.Round(v, 4), v));
    }

    [Theory]
    [InlineData(2014)]
    [InlineData(0)]
    public void AsOf_FiscalYearOutOfRange_Throws(int year)
    {
        Assert.Throws<DomainException>(() => TimeProgress.AsOf(new DateOnly(2026, 7, 31), year));
    }

    public static readonly TheoryData<int, decimal> Months = new()
    {
        // month   t = m / 12
        {  1,      0.0833m },
        {  3,      0.2500m },
        {  6,      0.5000m },
        {  7,      0.5833m },  // the national August round on January–July data
        {  8,      0.6667m },
        { 11,      0.9167m },
        { 12,      1.0000m },
    };

    [Theory]
    [MemberData(nameof(Months))]
    public void ForMonth_Month_ReturnsTwelfths(int month, decimal expected)
    {
        Assert.Equal(expected, TimeProgress.ForMonth(month));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-1)]
    public void ForMonth_OutOfRange_ThrowsChineseNamingMonth(int month)
    {
        var ex = Assert.Throws<DomainException>(() => TimeProgress.ForMonth(month));

        Chinese.AssertMessage(ex.Message);
        Assert.Contains($"月份 {month}", ex.Message);
        Assert.Equal("月份", ex.Field);
    }
}
