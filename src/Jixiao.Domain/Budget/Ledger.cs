using System.Globalization;
using System.Text;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Budget;

/// <summary>
/// One budget movement (指标文件) as the ledger arithmetic sees it. <see cref="Amount"/> is positive;
/// <see cref="Kind"/> gives the direction (see <see cref="Ledger.SignOf"/>).
/// </summary>
public sealed record LedgerEntry(MovementKind Kind, decimal Amount, DateOnly Date, string DocumentNo, string Reason, string? Counterpart = null);

/// <summary>One payment (支付) as the ledger arithmetic sees it. <see cref="Amount"/> is positive.</summary>
public sealed record PaymentEntry(DateOnly Date, decimal Amount, string DocumentNo);

/// <summary>
/// One movement counted in <see cref="LedgerFigures"/>, with its signed amount and the running
/// 全年预算数 after it.
/// </summary>
public sealed record LedgerLine(DateOnly Date, MovementKind Kind, string DocumentNo, string Reason, string? Counterpart,
    decimal SignedAmount, decimal RunningAdjusted);

/// <summary>
/// A project's budget figures as of a date, derived from its movements and payments — nothing here is
/// stored, and <see cref="Explain"/> says how every figure was obtained.
/// </summary>
/// <param name="AsOf">the cut-off date: movements and payments dated on or before it count</param>
/// <param name="InitialBudget">年初预算数: sum of 年初批复</param>
/// <param name="AdjustedBudget">全年预算数: the signed sum of all movements</param>
/// <param name="Executed">执行数: sum of payments</param>
/// <param name="ExecutionRate">执行率 = 执行数 ÷ 全年预算数 as a fraction with 4 decimals; null when 全年预算数 ≤ 0</param>
/// <param name="TimeProgress">时间进度 as a fraction with 4 decimals</param>
/// <param name="Lines">the movements counted, by date then document number</param>
/// <param name="PaymentCount">number of payments counted</param>
public sealed record LedgerFigures(DateOnly AsOf, decimal InitialBudget, decimal AdjustedBudget, decimal Executed,
    decimal? ExecutionRate, decimal TimeProgress, IReadOnlyList<LedgerLine> Lines, int PaymentCount)
{
    /// <summary>余额 = 全年预算数 − 执行数.</summary>
    public decimal Balance => AdjustedBudget - Executed;

    /// <summary>The unsigned total of one movement kind among <see cref="Lines"/> (e.g. all 追加).</summary>
    public decimal TotalOf(MovementKind kind) => Lines.Where(l => l.Kind == kind).Sum(l => Math.Abs(l.SignedAmount));

    /// <summary>
    /// A short Chinese explanation of the figures, naming only the non-zero terms, e.g.
    /// "截至 2026-07-31（金额单位：元）：全年预算数 1,200,000.00 = 年初批复 1,000,000.00 + 追加 300,000.00 − 调减 100,000.00；
    /// 执行数 542,400.00 = 12 笔支付合计；执行率 = 执行数 ÷ 全年预算数 = 45.20%；余额 657,600.00；时间进度 58.08%。"
    /// </summary>
    public string Explain()
    {
        var text = new StringBuilder();
        // exact 元, so that the terms add up to the total (万元 with two decimals would not)
        text.Append("截至 ").Append(AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("（金额单位：元）：");

        text.Append("全年预算数 ").Append(Money.Format(AdjustedBudget));
        var first = true;
        foreach (var kind in Ledger.FormulaOrder)
        {
            var total = TotalOf(kind);
            if (total == 0)
                continue;
            var plus = Ledger.SignOf(kind) > 0;
            text.Append(first ? (plus ? " = " : " = − ") : (plus ? " + " : " − "));
            text.Append(kind.Label()).Append(' ').Append(Money.Format(total));
            first = false;
        }
        if (first)
            text.Append("（无指标文件）");

        text.Append("；执行数 ").Append(Money.Format(Executed));
        text.Append(PaymentCount == 0 ? "（无支付）" : $" = {PaymentCount} 笔支付合计");

        text.Append(ExecutionRate is { } rate
            ? $"；执行率 = 执行数 ÷ 全年预算数 = {Domain.Percent.Of(rate)}"
            : "；执行率不计算（全年预算数不大于 0）");

        text.Append("；余额 = 全年预算数 − 执行数 = ").Append(Money.Format(Balance));
        text.Append("；时间进度 ").Append(Domain.Percent.Of(TimeProgress)).Append('。');
        return text.ToString();
    }
}

/// <summary>
/// Budget ledger arithmetic (DOMAIN §2): 全年预算数 = 年初批复 + 追加 − 调减 + 调剂转入 − 调剂转出 + 上年结转
/// + 待分资金分配转入 − 待分资金分配转出 − 收回; 执行数 = payments up to the date.
/// </summary>
public static class Ledger
{
    /// <summary>The kinds in the order the 全年预算数 formula lists them.</summary>
    internal static readonly MovementKind[] FormulaOrder =
    [
        MovementKind.InitialApproval,
        MovementKind.Addition,
        MovementKind.Reduction,
        MovementKind.ReallocationIn,
        MovementKind.ReallocationOut,
        MovementKind.CarryOver,
        MovementKind.PoolAllocationIn,
        MovementKind.PoolAllocationOut,
        MovementKind.Recovery,
    ];

    /// <summary>+1 for kinds that add to 全年预算数, −1 for kinds that take from it.</summary>
    public static int SignOf(MovementKind kind) => kind switch
    {
        MovementKind.InitialApproval or MovementKind.Addition or MovementKind.ReallocationIn
            or MovementKind.CarryOver or MovementKind.PoolAllocationIn => 1,
        MovementKind.Reduction or MovementKind.ReallocationOut or MovementKind.PoolAllocationOut
            or MovementKind.Recovery => -1,
        _ => throw new DomainException($"未知的指标变动类型 {(int)kind}。", "变动类型"),
    };

    /// <summary>
    /// Figures of one project as of <paramref name="asOf"/>: only movements and payments dated on or before
    /// it count. Every entry (counted or not) must have a positive amount in whole 分.
    /// </summary>
    public static LedgerFigures Compute(IEnumerable<LedgerEntry> movements, IEnumerable<PaymentEntry> payments,
        DateOnly asOf, int fiscalYear)
    {
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(payments);
        FiscalYears.EnsureValid(fiscalYear);

        var allMovements = movements.ToList();
        foreach (var m in allMovements)
        {
            SignOf(m.Kind);
            EnsureAmount(m.Amount, $"指标文件 {m.DocumentNo}（{m.Kind.Label()}）", "（方向由变动类型决定，金额填正数）");
        }
        var allPayments = payments.ToList();
        foreach (var p in allPayments)
            EnsureAmount(p.Amount, $"支付凭证 {p.DocumentNo}", "");

        var lines = new List<LedgerLine>();
        var running = 0m;
        var initial = 0m;
        foreach (var m in allMovements
                     .Where(m => m.Date <= asOf)
                     .OrderBy(m => m.Date)
                     .ThenBy(m => m.DocumentNo, StringComparer.Ordinal))
        {
            var signed = SignOf(m.Kind) * m.Amount;
            running += signed;
            if (m.Kind == MovementKind.InitialApproval)
                initial += m.Amount;
            lines.Add(new LedgerLine(m.Date, m.Kind, m.DocumentNo, m.Reason, m.Counterpart, signed, running));
        }

        var counted = allPayments.Where(p => p.Date <= asOf).ToList();
        var executed = counted.Sum(p => p.Amount);
        decimal? rate = running > 0 ? decimal.Round(executed / running, 4, MidpointRounding.AwayFromZero) : null;

        return new LedgerFigures(asOf, initial, running, executed, rate,
            TimeProgress.AsOf(asOf, fiscalYear), lines, counted.Count);
    }

    /// <summary>Amounts are positive whole 分 within <see cref="Money.Max"/>; the kind carries the sign.</summary>
    private static void EnsureAmount(decimal amount, string source, string hint)
    {
        if (amount <= 0)
            throw new DomainException($"{source}的金额必须大于 0，当前为 {Money.Format(amount)} 元{hint}。", "金额");
        if (decimal.Round(amount, 2) != amount)
            throw new DomainException($"{source}的金额 {amount} 元精确到了分以下。", "金额");
        if (amount > Money.Max)
            throw new DomainException($"{source}的金额 {Money.Format(amount)} 元超出范围。", "金额");
    }

    /// <summary>
    /// Checks that, per document number, the out and in sides of each paired kind balance: 调剂转出 = 调剂转入
    /// and 待分资金分配转出 = 待分资金分配转入. Returns one Chinese problem per unbalanced document and pair,
    /// ordered by document number; empty when everything balances.
    /// </summary>
    public static IReadOnlyList<string> CheckPairs(IEnumerable<(string DocumentNo, MovementKind Kind, decimal Amount)> movements)
    {
        ArgumentNullException.ThrowIfNull(movements);
        (MovementKind Out, MovementKind In)[] pairs =
        [
            (MovementKind.ReallocationOut, MovementKind.ReallocationIn),
            (MovementKind.PoolAllocationOut, MovementKind.PoolAllocationIn),
        ];
        var problems = new List<string>();
        foreach (var document in movements
                     .GroupBy(m => (m.DocumentNo ?? "").Trim(), StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var (outKind, inKind) in pairs)
            {
                if (!document.Any(m => m.Kind == outKind || m.Kind == inKind))
                    continue;
                var outTotal = document.Where(m => m.Kind == outKind).Sum(m => m.Amount);
                var inTotal = document.Where(m => m.Kind == inKind).Sum(m => m.Amount);
                if (outTotal == inTotal)
                    continue;
                var missing = outTotal == 0 ? $"（缺少{outKind.Label()}）"
                    : inTotal == 0 ? $"（缺少{inKind.Label()}）"
                    : $"（相差 {Money.Format(Math.Abs(outTotal - inTotal))} 元）";
                problems.Add($"文件号 {document.Key}：{outKind.Label()} {Money.Format(outTotal)} 元，" +
                             $"{inKind.Label()} {Money.Format(inTotal)} 元，不相等{missing}。");
            }
        }
        return problems;
    }
}

/// <summary>时间进度 (time progress) as a fraction of the fiscal year, rounded to 4 decimals.</summary>
public static class TimeProgress
{
    /// <summary>
    /// The share of <paramref name="fiscalYear"/> elapsed at the end of <paramref name="date"/>: 0 before the
    /// year, 1 after it, else day of year ÷ days in the year (2026-07-31 → 212 ÷ 365 = 0.5808).
    /// </summary>
    public static decimal AsOf(DateOnly date, int fiscalYear)
    {
        FiscalYears.EnsureValid(fiscalYear);
        if (date.Year < fiscalYear)
            return 0m;
        if (date.Year > fiscalYear)
            return 1m;
        var days = DateTime.IsLeapYear(fiscalYear) ? 366 : 365;
        return decimal.Round((decimal)date.DayOfYear / days, 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>Monitoring time progress t = m ÷ 12 (DOMAIN §4.3), e.g. July → 0.5833.</summary>
    public static decimal ForMonth(int month)
    {
        if (month is < 1 or > 12)
            throw new DomainException($"月份 {month} 无效，应在 1–12 之间。", "月份");
        return decimal.Round(month / 12m, 4, MidpointRounding.AwayFromZero);
    }
}
