namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The most rows one form may hold (section <c>Forms</c>): indicators of a target form, rows of a monitoring return or a
/// self-evaluation. Checked by every save of a form, from its page, the API or an imported sheet.
/// </summary>
public sealed class FormLimits
{
    public const string Section = "Forms";

    public int MaxRows { get; set; } = 200;

    /// <param name="form">the form as the message names it, e.g. "绩效目标表"</param>
    public void Ensure(int rows, string form)
    {
        if (rows > MaxRows)
            throw new DomainException($"{form}有 {rows:N0} 行，超过每张表 {MaxRows:N0} 行的上限，未保存。请删减或合并指标后再保存。", "指标");
    }
}
