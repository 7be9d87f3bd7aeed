namespace Jixiao.Web.Features.Printing;

/// <summary>Merged cells of a printed indicator table: 一级指标 and 二级指标 written once for their run of rows, as on paper forms.</summary>
public static class RowSpans
{
    /// <returns>for each row, how many rows its cell spans: the run's length on its first row, 0 on the rows it covers</returns>
    public static int[] Of(IReadOnlyList<string> keys)
    {
        var spans = new int[keys.Count];
        for (var start = 0; start < keys.Count;)
        {
            var end = start + 1;
            while (end < keys.Count && keys[end] == keys[start]) end++;
            spans[start] = end - start;
            start = end;
        }
        return spans;
    }
}
