using Jixiao.Domain.Interchange;

namespace Jixiao.Domain.Agencies;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — 登记管理部门码, 机构类别码, the 6-digit 行政区划码 of the
/// registering authority, the 9-character 主体标识码 and a check character. The alphabet is the digits and the capital
/// letters without I, O, Z, S and V; the check character is <c>31 − (Σ value(cᵢ)·3ⁱ mod 31)</c> (31 becomes 0), so one
/// mistyped character is always caught.
/// </summary>
public sealed record CreditCode
{
    public const string Field = "统一社会信用代码";
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Reads a code as typed (full-width characters, lower case and spaces forgiven) or says exactly what is wrong.</summary>
    public static CreditCode Parse(string? text)
    {
        var code = CellText.Normalize(text).Replace(" ", "").ToUpperInvariant();
        if (code.Length == 0)
            throw new DomainException("统一社会信用代码不能为空。", Field);
        if (code.Length != 18)
            throw new DomainException($"统一社会信用代码应为 18 位，“{code}”是 {code.Length} 位，请核对营业执照或登记证书。", Field);
        for (var i = 0; i < code.Length; i++)
            if (!Alphabet.Contains(code[i]))
                throw new DomainException(
                    $"统一社会信用代码第 {i + 1} 位“{code[i]}”不是允许的字符：只能是数字和大写字母（不使用 I、O、Z、S、V），请核对是否把 0 写成了 O、1 写成了 I。", Field);
        if (!code[2..8].All(char.IsAsciiDigit))
            throw new DomainException($"统一社会信用代码第 3–8 位应为登记管理机关的行政区划码（6 位数字），“{code[2..8]}”不是。", Field);
        var check = CheckCharacter(code[..17]);
        if (code[17] != check)
            throw new DomainException($"统一社会信用代码“{code}”的校验位（第 18 位）应为“{check}”，而不是“{code[17]}”：代码中有字符抄错，请逐位核对。", Field);
        return new CreditCode(code);
    }

    /// <summary>The 18th character for the first 17.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            sum += Alphabet.IndexOf(c) * weight;
            weight = weight * 3 % 31;
        }
        return Alphabet[(31 - sum % 31) % 31];
    }
}
