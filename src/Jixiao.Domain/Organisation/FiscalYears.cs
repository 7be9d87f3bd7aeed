namespace Jixiao.Domain.Organisation;

public static class FiscalYears
{
    public const int Earliest = 2015;
    public const int Latest = 2100;

    public static void EnsureValid(int year)
    {
        if (year is < Earliest or > Latest)
            throw new DomainException($"预算年度 {year} 超出范围，应在 {Earliest}–{Latest} 之间。", "预算年度");
    }
}
