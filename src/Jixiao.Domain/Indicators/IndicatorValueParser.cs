using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Interchange;

namespace Jixiao.Domain.Indicators;

/// <summary>
/// Reads an indicator's target value as it is written in target tables (DOMAIN.md §3): ≧735人次, ═100%,
/// &gt;=95%, 不少于12种, 60%及以上, ≤475元/亩, 2023年12月, 2023.07-2024.01, 18—54周岁, 0次, 有效 … into
/// comparison, number / date / range and unit — or says in Chinese, naming the value, why it cannot.
/// <para>Rules that are choices, not facts of the text:</para>
/// <list type="bullet">
/// <item>以上 / 以下 / 以内 include the number (民法典 第一千二百五十九条); 超过 / 高于 and 低于 / 不足 exclude it.</item>
/// <item>No comparison written: the <c>comparison</c> argument (the form's 指标性质) if given, else one written in the
/// indicator name ("面积(≥**平方米)"), else ＝ with a note. A zero ("0次") is ＝ without a note.</item>
/// <item>A range ("3-5个", "2023.07-2024.01") means "within" and is ＝; it cannot also carry a comparison.</item>
/// <item>Dates need a year; "12月底前" takes the <c>year</c> argument (with a note) or fails. "前" / "之前" / "以前"
/// / "年内" are ≤. A month or year stands for its whole period (see <see cref="IndicatorValue"/>).</item>
/// <item>Unit: the value's own, else the unit column, else one in the name ("学生资助人数（人次）"); a
/// disagreement or a unit column that is not a unit is noted, never silent. 万元 and 元 are kept, not converted.</item>
/// <item>"1" becomes 100% only when the unit column or name says % and the value has no unit, with a note.</item>
/// <item>Words without digits are qualitative (达到, 良好, 有效, 是, 无 …) unless the indicator is clearly
/// quantitative (a unit, a comparison in the name or the 指标性质) — then it is an error. "无" with a unit is ＝0.</item>
/// <item>Placeholders (*, _, -, —, /, XX, 待定, empty), a comparison or unit without a number, several values in
/// one cell, text after a number and Chinese numerals are errors.</item>
/// </list>
/// </summary>
public static partial class IndicatorValueParser
{
    /// <param name="value">The target value as written.</param>
    /// <param name="unit">The unit column, if the table has one.</param>
    /// <param name="indicatorName">The 三级 indicator name; it may hold a unit or comparison.</param>
    /// <param name="comparison">The 指标性质 column, if the table or form has one.</param>
    /// <param name="year">The target's year, used only for dates written without one.</param>
    /// <remarks>
    /// Answers are remembered: the same few thousand values recur in every county's targets and self-evaluations
    /// ("≥95%", "100%", "按时完成"), and scoring a province's forms reads each of their millions of rows. A result is
    /// immutable and depends only on the arguments, so a remembered one is the answer; the memory is emptied when it
    /// holds <see cref="Remembered"/> values (a few hundred bytes each, so some 20 MB at most).
    /// </remarks>
    public static ParseResult Parse(string? value, string? unit = null, string? indicatorName = null,
        Comparison? comparison = null, int? year = null)
    {
        var key = (value, unit, indicatorName, comparison, year);
        if (Memory.TryGetValue(key, out var known))
            return known;
        var result = new Reading(value, unit, indicatorName, comparison, year).Run();
        if (Memory.Count >= Remembered)
            Memory.Clear();
        Memory.TryAdd(key, result);
        return result;
    }

    /// <summary>
    /// A cell that holds several values — "10TB / 100%覆盖", "全年无休 / ≥350天", "≥3次，每次≥50人" — read part by part
    /// (each as <see cref="Parse"/> reads it, with the same unit column, name, 指标性质 and year; a leading "每次" / "每人"
    /// … is kept as the part's qualifier). Null when the cell is one value (<see cref="Parse"/> then says what it is).
    /// Parts are split at " / ", "/" between two values with digits, "，" "；" and "、" between values with digits.
    /// </summary>
    public static IReadOnlyList<ValuePart>? Parts(string? value, string? unit = null, string? indicatorName = null,
        Comparison? comparison = null, int? year = null)
    {
        var written = CellText.Normalize(value);
        if (written.Length == 0)
            return null;
        string[] pieces;
        if (written.Contains(" / ", StringComparison.Ordinal))
            pieces = written.Split(" / ");
        else
        {
            pieces = PartSeparator().Split(written);
            if (pieces.Count(p => p.Any(char.IsAsciiDigit)) < 2)
                return null;
        }
        pieces = [.. pieces.Select(p => p.Trim())];
        if (pieces.Length < 2 || pieces.Any(p => p.Length == 0))
            return null;
        return [.. pieces.Select(piece =>
        {
            var qualifier = PartQualifier().Match(piece) is { Success: true } q ? q.Value : "";
            // a part in words ("全年无休") is text whatever the 指标性质 of the cell says
            var rest = piece[qualifier.Length..];
            return new ValuePart(piece, qualifier, Parse(rest, unit, indicatorName, rest.Any(char.IsAsciiDigit) ? comparison : null, year));
        })];
    }

    private const int Remembered = 50_000;

    private static readonly ConcurrentDictionary<(string?, string?, string?, Comparison?, int?), ParseResult> Memory = new();

    private enum OperatorKind { Symbol, Word, Approximate }

    private sealed record Operator(string Written, Comparison Comparison, OperatorKind Kind);

    private static readonly Operator[] Prefixes = SortedLongestFirst(
        Symbols(Comparison.GreaterOrEqual, "≥"),
        Symbols(Comparison.LessOrEqual, "≤"),
        Symbols(Comparison.Greater, ">"),
        Symbols(Comparison.Less, "<"),
        Symbols(Comparison.Equal, "="),
        Words(Comparison.GreaterOrEqual, "大于等于", "大于或等于", "不少于", "不低于", "不小于", "不得少于", "不得低于",
            "不得小于", "至少", "最少", "最低", "达到目标值", "达到预计值", "达到预期值", "达到"),
        Words(Comparison.LessOrEqual, "小于等于", "小于或等于", "不超过", "不高于", "不大于", "不多于", "不得超过",
            "不得高于", "不得大于", "不得多于", "最多", "至多", "最高", "控制在", "截至", "截止"),
        Words(Comparison.Greater, "高于", "多于", "大于", "超过"),
        Words(Comparison.Less, "低于", "少于", "小于", "不足", "不满"),
        Words(Comparison.Equal, "等于"),
        Approximately("约为", "大约", "约"));

    private static readonly Operator[] Suffixes = SortedLongestFirst(
        Words(Comparison.GreaterOrEqual, "及以上", "或以上", "及其以上", "以上"),
        Words(Comparison.LessOrEqual, "及以下", "或以下", "及其以下", "以下", "以内", "之内", "内"),
        Approximately("左右"));

    /// <summary>Operator glyphs as found in imported tables → ≥ ≤ &gt; &lt; =. Full-width ＞＜＝ are already
    /// half-width after <see cref="CellText.Normalize"/>.</summary>
    private static readonly (string From, string To)[] Glyphs =
    [
        (">=", "≥"), ("=>", "≥"), ("≧", "≥"), ("⩾", "≥"), ("≮", "≥"), ("≥=", "≥"),
        ("<=", "≤"), ("=<", "≤"), ("≦", "≤"), ("⩽", "≤"), ("≯", "≤"), ("≤=", "≤"),
        ("═", "="), ("﹦", "="), ("==", "="), ("﹥", ">"), ("﹤", "<"),
    ];

    private const string RangeSeparators = "-~—–―至到";

    private static Operator[] Symbols(Comparison comparison, params string[] written) =>
        [.. written.Select(w => new Operator(w, comparison, OperatorKind.Symbol))];

    private static Operator[] Words(Comparison comparison, params string[] written) =>
        [.. written.Select(w => new Operator(w, comparison, OperatorKind.Word))];

    private static Operator[] Approximately(params string[] written) =>
        [.. written.Select(w => new Operator(w, Comparison.Equal, OperatorKind.Approximate))];

    private static Operator[] SortedLongestFirst(params Operator[][] groups) =>
        [.. groups.SelectMany(g => g).OrderByDescending(o => o.Written.Length)];

    private static string CanonicalGlyphs(string text)
    {
        foreach (var (from, to) in Glyphs)
            text = text.Replace(from, to, StringComparison.Ordinal);
        return text;
    }

    private static string Format(decimal number) =>
        number.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>"95%", "735 人次", "12".</summary>
    private static string Quantity(decimal number, string unit) => unit switch
    {
        "" => Format(number),
        "%" => Format(number) + "%",
        _ => Format(number) + " " + unit,
    };

    private static bool HasHanzi(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static bool IsPlaceholder(string text) => Placeholder().IsMatch(text);

    /// <summary>A unit or comparison written into the indicator name: "学生资助人数（人次）", "面积(≥**平方米)",
    /// "覆盖率≥95%". <see cref="TargetInName"/> is a trailing target such as "完成率100%", shown when the value is empty.</summary>
    private sealed record NameHint(Comparison? Comparison, string? Unit, decimal? Number, string Written, bool IsRatio, string? TargetInName)
    {
        public static readonly NameHint None = new(null, null, null, "", false, null);

        public bool IsQuantitative => Comparison is not null || Unit is not null;

        public static NameHint Read(string name)
        {
            if (name.Length == 0)
                return None;
            var isRatio = RatioName().IsMatch(name);
            var target = NameTarget().Match(name) is { Success: true } t ? t.Groups["t"].Value.Trim() : null;
            var m = NameBracket().Match(name);
            if (!m.Success)
                m = NameTail().Match(name);
            if (!m.Success)
                return None with { IsRatio = isRatio, TargetInName = target };

            var unit = IndicatorUnits.Canonical(m.Groups["u"].Value);
            if (unit.Length > 0 && !IndicatorUnits.IsKnown(unit))
                return None with { IsRatio = isRatio, TargetInName = target };
            Comparison? comparison = m.Groups["op"].Success ? Prefixes.First(o => o.Written == m.Groups["op"].Value).Comparison : null;
            if (comparison is null && unit.Length == 0)
                return None with { IsRatio = isRatio, TargetInName = target };
            decimal? number = m.Groups["n"].Success ? decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
            return new NameHint(comparison, unit.Length > 0 ? unit : null, number, m.Groups["w"].Value.Trim(), isRatio, target);
        }
    }

    /// <summary>A written date, month or year as the period it stands for; <see cref="Display"/> keeps the precision.</summary>
    private readonly record struct Period(DateOnly Start, DateOnly End, string Display);

    private sealed class Reading
    {
        private readonly string written;   // as typed, half-width, whitespace collapsed
        private readonly string shown;     // as typed, for messages
        private readonly string text;      // written with operator glyphs made canonical
        private readonly string columnRaw;
        private readonly string? columnUnit;
        private readonly string nameShown;
        private readonly NameHint hint;
        private readonly Comparison? stated;
        private readonly int? year;
        private readonly List<string> notes = [];
        private readonly List<Operator> operators = [];
        private string core = "";
        private bool comparisonFromName;
        private bool unitFromName;

        public Reading(string? value, string? unit, string? indicatorName, Comparison? comparison, int? year)
        {
            written = CellText.Normalize(value);
            shown = CellText.Shown(value);
            text = CanonicalGlyphs(written);
            columnRaw = CellText.Normalize(unit);
            var canonicalUnit = IndicatorUnits.Canonical(columnRaw);
            columnUnit = IndicatorUnits.IsUnitLike(canonicalUnit) ? canonicalUnit : null;
            nameShown = CellText.Shown(indicatorName);
            hint = NameHint.Read(CanonicalGlyphs(CellText.Normalize(indicatorName)));
            stated = comparison;
            this.year = year;
        }

        public ParseResult Run()
        {
            if (text.Length == 0)
                return Fail(EmptyReason());
            if (IsPlaceholder(text))
                return Fail($"“{shown}”是占位符，不是目标值：请填写具体目标值。");
            if (written.StartsWith("定性", StringComparison.Ordinal))
                return StatedQualitative(written[2..].TrimStart(':', ' ', '-'));
            if (EachOf().IsMatch(text))
                return Fail($"“{shown}”是几项各自的目标（“各”），一个指标只能有一个目标值：请拆成几个指标，或填写合计数。");
            ReadOperators();
            return TryDate() ?? TryNumberRange() ?? TryNumber() ?? TryZeroWord() ?? ReadText();
        }

        // ------------------------------------------------------------ comparison

        private void ReadOperators()
        {
            var rest = text;
            for (var found = true; found;)
            {
                found = false;
                rest = rest.TrimStart();
                var prefix = Prefixes.FirstOrDefault(o => rest.StartsWith(o.Written, StringComparison.Ordinal));
                if (prefix is not null)
                {
                    operators.Add(prefix);
                    rest = rest[prefix.Written.Length..];
                    found = true;
                }
            }
            rest = rest.Trim();
            var suffix = Suffixes.FirstOrDefault(o => rest.EndsWith(o.Written, StringComparison.Ordinal) && rest.Length > o.Written.Length);
            if (suffix is not null)
            {
                operators.Add(suffix);
                rest = rest[..^suffix.Written.Length].TrimEnd();
            }
            core = rest;
        }

        private string? Contradiction()
        {
            var distinct = operators.DistinctBy(o => o.Comparison).ToList();
            return distinct.Count > 1
                ? $"“{shown}”同时写了“{distinct[0].Written}”和“{distinct[1].Written}”，比较方向矛盾：请只保留一个。"
                : null;
        }

        /// <summary>The comparison of a single number or date, with a note whenever it was not written in the value.</summary>
        private Comparison Decide(bool isZero, bool isDate = false)
        {
            if (stated == Comparison.Qualitative)
                Note($"指标性质是定性，但“{shown}”是定量的值，按定量理解。");
            if (operators.Count > 0)
            {
                var own = operators[0];
                if (own.Kind == OperatorKind.Approximate)
                    Note($"“{own.Written}”表示大约，按“＝”理解。");
                if (stated is { } s && s != Comparison.Qualitative && s != own.Comparison)
                    Note($"指标值写的是“{own.Comparison.Label()}”，与指标性质“{s.Label()}”不一致，按指标值。");
                else if (stated is null && hint.Comparison is { } h && h != own.Comparison)
                    Note($"指标值写的是“{own.Comparison.Label()}”，与指标名称中的“{hint.Written}”不一致，按指标值。");
                return own.Comparison;
            }
            if (stated is { } given && given != Comparison.Qualitative)
                return given;
            if (hint.Comparison is { } fromName)
            {
                comparisonFromName = true;
                return fromName;
            }
            if (isDate)
            {
                Note($"“{shown}”是完成期限，没有写比较符号，按“不晚于”（≤）理解。");
                return Comparison.LessOrEqual;
            }
            if (!isZero)
                Note("指标值没有写比较符号，按“＝”理解。");
            return Comparison.Equal;
        }

        /// <summary>Ranges mean "within": a comparison from the 指标性质 or the name does not apply.</summary>
        private void NoteRangeIgnoresComparison()
        {
            if ((stated ?? hint.Comparison) is { } other && other != Comparison.Equal)
                Note($"“{shown}”是范围，按“在范围内”理解，未使用“{other.Label()}”。");
        }

        // ------------------------------------------------------------ units

        private string ResolveUnit(string own)
        {
            if (own.Length > 0)
            {
                if (columnUnit is { } column && column != own)
                    Note($"指标值中的单位“{own}”与单位栏“{column}”不一致，按指标值中的“{own}”。");
                else if (columnUnit is null && hint.Unit is { } named && named != own)
                    Note($"指标值中的单位“{own}”与指标名称中的单位“{named}”不一致，按指标值中的“{own}”。");
                NoteColumnIgnored();
                return own;
            }
            if (columnUnit is { } fromColumn)
            {
                if (hint.Unit is { } named && named != fromColumn)
                    Note($"单位栏“{fromColumn}”与指标名称中的单位“{named}”不一致，按单位栏。");
                return fromColumn;
            }
            NoteColumnIgnored();
            if (hint.Unit is { } fromName)
            {
                unitFromName = true;
                return fromName;
            }
            return "";
        }

        private void NoteColumnIgnored()
        {
            if (columnRaw.Length > 0 && columnUnit is null)
                Note($"单位栏“{columnRaw}”不是单位，已忽略。");
        }

        private void NoteDateColumn()
        {
            if (columnRaw.Length > 0 && !IndicatorUnits.IsDateLabel(columnRaw))
                Note($"单位栏“{columnRaw}”对日期没有意义，已忽略。");
        }

        // ------------------------------------------------------------ numbers

        private ParseResult? TryNumber()
        {
            var m = NumberWithUnit().Match(core);
            if (!m.Success)
                return null;
            var own = IndicatorUnits.Canonical(m.Groups["u"].Value);
            if (own.Length > 1 && own[0] == '%' && PercentRemark().IsMatch(own[1..]))
            {
                Note($"“{shown}”中“{own[1..]}”是说明文字，按 {m.Groups["n"].Value}% 理解。");
                own = "%";
            }
            if (own.Length > 0 && !IndicatorUnits.IsKnown(own))
                return null;
            if (!decimal.TryParse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var number))
                return Fail($"“{shown}”中的数值太大。");
            if (Contradiction() is { } contradiction)
                return Fail(contradiction);

            var unit = ResolveUnit(own);
            if (own.Length == 0 && unit == "%")
            {
                if (number == 1m)
                {
                    number = 100m;
                    Note($"“{shown}”没有写 %，而单位是 %：“1”按 100% 理解。");
                }
                else if (number is > 0m and < 1m)
                {
                    Note($"“{shown}”小于 1，单位是 %，按 {Format(number)}% 理解：如指 {Format(number * 100m)}% 请写“{Format(number * 100m)}%”。");
                }
            }
            if (unit.Length == 0 && number != 0m && hint.IsRatio)
            {
                var percent = number <= 1m ? number * 100m : number;
                Note($"指标“{nameShown}”是比率，但“{shown}”没有写 %：如指 {Format(percent)}% 请写“{Format(percent)}%”。");
            }
            if (hint.Number is { } named && named != number)
                Note($"指标名称中写有“{hint.Written}”，与指标值“{shown}”不一致。");

            var comparison = Decide(number == 0m);
            var kind = unit == "%" ? ValueKind.Percent : ValueKind.Number;
            return Parsed(new IndicatorValue(comparison, kind, number, null, null, null, unit, null,
                comparison.Label() + Quantity(number, unit)));
        }

        private ParseResult? TryNumberRange()
        {
            var m = NumberRange().Match(core);
            if (!m.Success)
                return null;
            var lowerUnit = IndicatorUnits.Canonical(m.Groups["ua"].Value);
            var upperUnit = IndicatorUnits.Canonical(m.Groups["ub"].Value);
            if ((lowerUnit.Length > 0 && !IndicatorUnits.IsKnown(lowerUnit)) || (upperUnit.Length > 0 && !IndicatorUnits.IsKnown(upperUnit)))
                return null;
            if (lowerUnit.Length > 0 && upperUnit.Length > 0 && lowerUnit != upperUnit)
                return Fail($"“{shown}”范围两端的单位“{lowerUnit}”和“{upperUnit}”不同：请统一单位。");
            if (operators.Count > 0)
                return Fail($"“{shown}”是范围，不能再加“{operators[0].Written}”：请写成“3-5个”这样的范围，或“≥3个”这样的单个目标。");
            var lower = decimal.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            var upper = decimal.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            if (lower > upper)
                return Fail($"“{shown}”范围的下限 {Format(lower)} 大于上限 {Format(upper)}：请按“小-大”的顺序填写。");

            var unit = ResolveUnit(upperUnit.Length > 0 ? upperUnit : lowerUnit);
            NoteRangeIgnoresComparison();
            var normalized = unit == "%"
                ? $"{Format(lower)}% 至 {Format(upper)}%"
                : $"{Format(lower)} 至 {Quantity(upper, unit)}";
            return Parsed(new IndicatorValue(Comparison.Equal, ValueKind.NumberRange, lower, upper, null, null, unit, null, normalized));
        }

        /// <summary>"无" / "零" for a counted indicator ("安全事故发生数", unit 起) is a zero target.</summary>
        private ParseResult? TryZeroWord()
        {
            if (core is not ("无" or "零" or "没有") || operators.Count > 0)
                return null;
            if (columnUnit is null && hint.Unit is null && stated is null or Comparison.Qualitative)
                return null;
            var unit = ResolveUnit("");
            Note($"“{shown}”按 {Quantity(0m, unit)} 理解。");
            var comparison = Decide(isZero: true);
            var kind = unit == "%" ? ValueKind.Percent : ValueKind.Number;
            return Parsed(new IndicatorValue(comparison, kind, 0m, null, null, null, unit, null, comparison.Label() + Quantity(0m, unit)));
        }

        // ------------------------------------------------------------ dates

        private ParseResult? TryDate()
        {
            var c = core;
            foreach (var done in (string[])["完成", "完工", "竣工"])
            {
                if (c.EndsWith(done, StringComparison.Ordinal) && c.Length > done.Length)
                {
                    c = c[..^done.Length].TrimEnd();
                    break;
                }
            }
            Operator? before = null;
            foreach (var word in (string[])["之前", "以前", "前"])
            {
                if (c.EndsWith(word, StringComparison.Ordinal) && c.Length > word.Length)
                {
                    before = new Operator(word, Comparison.LessOrEqual, OperatorKind.Word);
                    c = c[..^word.Length].TrimEnd();
                    break;
                }
            }

            for (var i = 0; i < c.Length; i++)
            {
                if (!RangeSeparators.Contains(c[i]))
                    continue;
                var length = c[i] == '—' && i + 1 < c.Length && c[i + 1] == '—' ? 2 : 1;
                var left = c[..i].Trim();
                var right = c[(i + length)..].Trim();
                i += length - 1;
                if (left.Length == 0 || right.Length == 0)
                    continue;
                var start = TryPeriod(left, null, false, out var from, out var error);
                if (start is null)
                    continue;
                if (start == false)
                    return Fail(error!);
                var end = TryPeriod(right, from.Start.Year, true, out var to, out error);
                if (end is null)
                    continue;
                if (end == false)
                    return Fail(error!);
                return DateRange(from, to, before);
            }

            var single = TryPeriod(c, null, false, out var period, out var reason);
            if (single is null)
                return null;
            if (single == false)
                return Fail(reason!);
            if (before is not null)
                operators.Add(before);
            if (Contradiction() is { } contradiction)
                return Fail(contradiction);
            var comparison = Decide(isZero: false, isDate: true);
            NoteDateColumn();
            return Parsed(new IndicatorValue(comparison, ValueKind.Date, null, null, period.Start, period.End, "", null,
                comparison.Label() + period.Display));
        }

        private ParseResult DateRange(Period from, Period to, Operator? before)
        {
            if ((before ?? operators.FirstOrDefault()) is { } written)
                return Fail($"“{shown}”是日期范围，不能再加“{written.Written}”：请写成“2023年7月至2024年1月”这样的范围，或“2024年1月31日前”这样的期限。");
            if (to.End < from.Start)
                return Fail($"“{shown}”的结束 {to.Display} 早于开始 {from.Display}：请检查年份。");
            NoteRangeIgnoresComparison();
            NoteDateColumn();
            return Parsed(new IndicatorValue(Comparison.Equal, ValueKind.DateRange, null, null, from.Start, to.End, "", null,
                $"{from.Display} 至 {to.Display}"));
        }

        /// <summary>
        /// Reads "2023年", "2023年底", "2023年12月", "2023年12月31日", "2023.12", "2023-12-31", and — for the end of
        /// a range — "12.31". Null when <paramref name="s"/> is not shaped like a date, false with a reason when it is
        /// but is not a valid one.
        /// </summary>
        private bool? TryPeriod(string s, int? inheritedYear, bool monthDayAllowed, out Period period, out string? error)
        {
            period = default;
            error = null;
            Match m;
            if ((m = YearOnly().Match(s)).Success)
            {
                var y = Int(m, "y");
                if (!YearInRange(y, out error))
                    return false;
                var yearEnd = new DateOnly(y, 12, 31);
                period = m.Groups["e"].Success
                    ? new Period(yearEnd, yearEnd, Iso(yearEnd))
                    : new Period(new DateOnly(y, 1, 1), yearEnd, $"{y}年");
                return true;
            }
            if ((m = ChineseMonth().Match(s)).Success)
                return Build(m, inheritedYear, out period, out error);
            if ((m = DottedDate().Match(s)).Success)
            {
                // "2023.13", "1850.5" or "2023.5" above a unit column of 吨 is a decimal number, not a month
                if (!m.Groups["d"].Success && (Int(m, "mo") is < 1 or > 12 || Int(m, "y") is < CellText.EarliestYear or > CellText.LatestYear
                        || (columnUnit is { } unit && !IndicatorUnits.IsDateLabel(unit))))
                    return null;
                return Build(m, inheritedYear, out period, out error);
            }
            if (monthDayAllowed && (m = DottedMonthDay().Match(s)).Success)
                return Build(m, inheritedYear, out period, out error);
            return null;
        }

        private bool Build(Match m, int? inheritedYear, out Period period, out string? error)
        {
            period = default;
            int y;
            if (m.Groups["y"].Success)
                y = Int(m, "y");
            else if (inheritedYear is { } inherited)
                y = inherited;
            else if (year is { } contextYear)
            {
                y = contextYear;
                Note($"“{shown}”没有写年份，按 {contextYear} 年理解。");
            }
            else
            {
                error = $"“{shown}”没有写年份，无法确定是哪一年：请写成“2024年12月31日前”这样带年份的日期。";
                return false;
            }
            if (!YearInRange(y, out error))
                return false;
            var month = Int(m, "mo");
            if (month is < 1 or > 12)
            {
                error = $"“{shown}”中的月份 {month} 无效，应在 1–12 之间。";
                return false;
            }
            if (m.Groups["d"].Success)
            {
                if (!CellText.TryParseDate($"{y:D4}-{month:D2}-{Int(m, "d"):D2}", out var day, out var dateError))
                {
                    error = $"“{shown}”中的日期无效：{dateError}";
                    return false;
                }
                period = new Period(day, day, Iso(day));
                return true;
            }
            var last = new DateOnly(y, month, DateTime.DaysInMonth(y, month));
            period = m.Groups["e"].Success
                ? new Period(last, last, Iso(last))
                : new Period(new DateOnly(y, month, 1), last, $"{y:D4}-{month:D2}");
            return true;
        }

        private bool YearInRange(int y, out string? error)
        {
            error = y is < CellText.EarliestYear or > CellText.LatestYear
                ? $"“{shown}”中的年份 {y} 超出范围，应在 {CellText.EarliestYear}–{CellText.LatestYear} 之间。"
                : null;
            return error is null;
        }

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

        // ------------------------------------------------------------ text

        private ParseResult StatedQualitative(string standard)
        {
            if (standard.Length == 0 || IsPlaceholder(standard))
                return Fail($"“{shown}”只写了“定性”，没有写评价标准：请写明定性目标（如“达到”“良好”）。");
            if (stated is { } s && s != Comparison.Qualitative)
                Note($"指标值写的是定性，与指标性质“{s.Label()}”不一致，按定性。");
            return Qualitative(standard);
        }

        private ParseResult ReadText()
        {
            var hasDigit = written.Any(char.IsAsciiDigit);
            if (SeveralValues() is { } separator)
                return Fail($"“{shown}”含有多个值（用“{separator}”分隔），一个指标只能有一个目标值：请拆成几个指标分别填写。");
            if (hasDigit && core.Length > 0 && (char.IsAsciiDigit(core[0]) || core[0] is '+' or '-' or '.'))
            {
                if (operators.Count == 0 && (stated == Comparison.Qualitative || (stated is null && QuantitativeIndicator() is null))
                    && PhraseAfterNumber().IsMatch(core))
                {
                    Note($"“{shown}”是数字开头的文字，不是“数值+单位”（“{LeadingNumberOrRange().Replace(core, "")}”不是计量单位），按定性描述理解：如是定量目标，请只填数值和单位。");
                    return Qualitative(written);
                }
                return Fail(NumberFollowedByText());
            }
            if (PlaceholderWithUnit() is { } placeholder)
                return Fail(placeholder);
            if (operators.FirstOrDefault(o => o.Kind == OperatorKind.Symbol) is { } symbol)
                return Fail($"“{shown}”只有比较符号“{symbol.Comparison.Label()}”，没有数值：请填写具体目标值。");
            if (IsChineseNumber(core))
                return Fail($"“{shown}”用汉字写数字：请改用阿拉伯数字（如“3次”“100%”）。");
            if (!HasHanzi(written))
                return Fail($"“{shown}”不是可识别的目标值：请填写数值和单位（如“≥95%”“12次”）、日期（如“2024年12月31日前”）或定性描述（如“达到”“良好”）。");
            if (stated != Comparison.Qualitative && QuantitativeIndicator() is { } quantitative)
                return Fail(quantitative);
            if (hasDigit)
                Note($"“{shown}”含有数字，但不是“数值+单位”的形式，按定性描述理解：如是定量目标，请只填数值和单位。");
            return Qualitative(written);
        }

        /// <summary>"百分之百", "三次", "两个" — but not "十分满意" or "一般".</summary>
        private static bool IsChineseNumber(string s)
        {
            var m = ChineseNumber().Match(s);
            if (!m.Success)
                return false;
            var unit = m.Groups["u"].Value;
            return m.Groups["p"].Success ? unit.Length == 0 : unit.Length == 0 || IndicatorUnits.IsKnown(unit);
        }

        private string? SeveralValues()
        {
            if (written.Contains(" / ", StringComparison.Ordinal))
                return "/";
            var outsideBrackets = Bracketed().Replace(written, "");
            foreach (var separator in (char[])['/', ';', '、'])
            {
                if (outsideBrackets.Split(separator).Count(part => part.Any(char.IsAsciiDigit)) > 1)
                    return separator.ToString();
            }
            return null;
        }

        private string NumberFollowedByText()
        {
            var m = LeadingNumber().Match(core);
            if (!m.Success)
                return NotRecognised();
            var number = m.Groups["n"].Value;
            if (number.Count(c => c == '.') > 1)
                return $"“{shown}”中的“{number}”不是有效数字。";
            var unit = m.Groups["u"].Value;
            var head = IndicatorUnits.IsUnitLike(unit) ? number + unit
                : unit.StartsWith('%') ? number + "%"
                : number;
            var tail = core[head.Length..].Trim();
            return tail.Length == 0
                ? NotRecognised()
                : $"“{shown}”在“{head}”后面还有“{tail}”，无法确定目标值：指标值只填数值和单位（如“≥95%”“12次”），说明请写入指标解释。";
        }

        private string NotRecognised() =>
            $"“{shown}”不是可识别的目标值：请填写数值和单位（如“≥95%”“12次”）或日期（如“2024年12月31日前”）。";

        /// <summary>"XX人", "≥**%", "(blank) 公里", "人次": a unit without a number.</summary>
        private string? PlaceholderWithUnit()
        {
            var unit = columnUnit is { } c && core.EndsWith(c, StringComparison.Ordinal) ? c
                : hint.Unit is { } h && core.EndsWith(h, StringComparison.Ordinal) ? h
                : IndicatorUnits.KnownSuffix(core);
            if (unit.Length == 0)
                return null;
            var rest = core[..^unit.Length].Trim();
            if (rest.Length == 0)
                return $"“{shown}”只有单位“{unit}”，没有数值：请填写具体目标值。";
            return IsPlaceholder(rest) ? $"“{shown}”中的“{rest}”是占位符，没有数值：请填写具体目标值。" : null;
        }

        private string? QuantitativeIndicator()
        {
            if (stated is { } s)
                return $"“{shown}”是定性描述，但指标性质是“{s.Label()}”：请填写数值目标，或选择定性指标并写明评价标准。";
            if (columnUnit is { } unit)
            {
                var example = IndicatorUnits.IsDateLabel(unit) ? "日期（如“2024年12月31日前”）" : $"数值（如“12{(unit == "%" ? "" : " ")}{unit}”）";
                return $"“{shown}”不是数值，但单位栏是“{unit}”：定量指标请填写{example}，如是定性描述请选择定性指标并写明评价标准。";
            }
            return hint.IsQuantitative
                ? $"“{shown}”不是数值，但指标名称中写有“{hint.Written}”：定量指标请填写数值，如是定性描述请选择定性指标并写明评价标准。"
                : null;
        }

        private string EmptyReason()
        {
            var whose = nameShown.Length > 0 ? $"指标“{nameShown}”的指标值为空" : "指标值为空";
            var inName = hint.TargetInName is { } target ? $"（名称中写有“{target}”，如是目标值请填入指标值）" : "";
            return $"{whose}{inName}：请填写目标值。";
        }

        // ------------------------------------------------------------ results

        private ParseResult Qualitative(string standard) =>
            Parsed(new IndicatorValue(Comparison.Qualitative, ValueKind.Text, null, null, null, null, "", standard, standard));

        private void Note(string note)
        {
            if (!notes.Contains(note))
                notes.Add(note);
        }

        private ParseResult Parsed(IndicatorValue value)
        {
            var fromName = (comparisonFromName, unitFromName) switch
            {
                (true, true) => $"比较符号“{value.Comparison.Label()}”和单位“{value.Unit}”",
                (true, false) => $"比较符号“{value.Comparison.Label()}”",
                (false, true) => $"单位“{value.Unit}”",
                _ => null,
            };
            if (fromName is not null)
                notes.Insert(0, $"{fromName}取自指标名称中的“{hint.Written}”。");
            return ParseResult.Parsed(value, notes.ToArray(), operators.Count > 0);
        }

        private static ParseResult Fail(string error) => ParseResult.Failed(error);
    }

    [GeneratedRegex(@"^(?:\*+|_+|-+|—+|–+|―+|/+|\\+|[Xx×]+|\?+|…+|\.{2,}|。+|\(?(?:blank|空白|空|待定|待填|略)\)?|暂无|N/?A|null|#N/A)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\([^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    /// <summary>"/" not inside a unit (元/亩: a letter on both sides), "，" ";" "；" "、" and "," not inside a number (1,000).</summary>
    [GeneratedRegex(@"\s*(?:(?<![\p{L}])/|/(?![\p{L}])|[;；、，]|,(?![0-9]{3}))\s*", RegexOptions.CultureInvariant)]
    private static partial Regex PartSeparator();

    [GeneratedRegex(@"^每(?:次|人|年|月|个|户|村|校|期|批|项|场)?", RegexOptions.CultureInvariant)]
    private static partial Regex PartQualifier();

    /// <summary>"覆盖" in "100%覆盖": a few Chinese characters after a percentage that say what it is of.</summary>
    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentRemark();

    [GeneratedRegex(@"^[0-9.]+(?:\s*[-~至到—]\s*[0-9.]+)?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumberOrRange();

    /// <summary>A number (or range) followed by a phrase of three or more Chinese characters: "1-2期未按时培训".</summary>
    [GeneratedRegex(@"^[0-9.]+(?:\s*[-~至到—]\s*[0-9.]+)?\s*[\u4e00-\u9fff][\u4e00-\u9fff，,、]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhraseAfterNumber();

    [GeneratedRegex(@"^各\s*[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex EachOf();

    [GeneratedRegex(@"^(?<n>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*(?<u>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWithUnit();

    [GeneratedRegex(@"^(?<a>[0-9]+(?:\.[0-9]+)?)\s*(?<ua>[^0-9\s~至到—–―-]*)\s*(?:~|-|—{1,2}|–|―|至|到)\s*(?<b>[0-9]+(?:\.[0-9]+)?)\s*(?<ub>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRange();

    [GeneratedRegex(@"^(?<n>[+-]?[0-9][0-9,]*(?:\.[0-9]+)*)(?<u>[\p{L}%‰°℃²³·/]*)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*年(?:度)?\s*(?:年?(?<e>底|末))?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})\s*年\s*)?(?<mo>[0-9]{1,2})\s*月份?\s*(?:(?<d>[0-9]{1,2})\s*[日号]?|(?<e>底|末))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseMonth();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<sep>[./-])(?<mo>[0-9]{1,2})(?:\k<sep>(?<d>[0-9]{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"^(?<mo>[0-9]{1,2})[./-](?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedMonthDay();

    [GeneratedRegex(@"^(?:(?<p>百分之)[零〇一二两三四五六七八九十百千]+|[零〇一二两三四五六七八九十百千万]*[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*)(?:点[零〇一二三四五六七八九]+)?(?<u>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseNumber();

    [GeneratedRegex(@"\((?<w>\s*(?<op>[≥≤><=])?\s*(?:\*+|[Xx]+|_+|…+)?\s*(?<n>[0-9]+(?:\.[0-9]+)?)?\s*(?<u>[^()\s0-9]{0,8})\s*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameBracket();

    [GeneratedRegex(@"(?<w>(?<op>[≥≤><=])\s*(?:\*+|[Xx]+|_+)?\s*(?<n>[0-9]+(?:\.[0-9]+)?)?\s*(?<u>[^\s0-9≥≤><=]{0,6}))$", RegexOptions.CultureInvariant)]
    private static partial Regex NameTail();

    [GeneratedRegex(@"(?:率|比例|比率|占比)(?:\([^()]*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RatioName();

    [GeneratedRegex(@"(?<t>[≥≤><=]?\s*[0-9]+(?:\.[0-9]+)?\s*%)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameTarget();
}
