namespace Jixiao.Domain;

/// <summary>The reason a reviewer or finance writes for a return, a rejection, an adjustment or a corrective action.</summary>
public static class Reasons
{
    /// <summary>At least 4 and at most 1000 characters: the person on the other side reads it.</summary>
    public static string Require(string? reason, string what)
    {
        var text = (reason ?? "").Trim();
        if (text.Length < 4)
            throw new DomainException($"{what}必须写明理由（至少 4 个字），对方会看到它。", "意见");
        if (text.Length > 1000)
            throw new DomainException($"{what}理由不超过 1000 字。", "意见");
        return text;
    }
}
