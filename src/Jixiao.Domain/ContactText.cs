using Jixiao.Domain.Interchange;

namespace Jixiao.Domain;

/// <summary>The names, phone numbers and e-mail addresses of the registers (agencies, experts), checked the same way everywhere.</summary>
public static class ContactText
{
    /// <summary>A required name of at most <paramref name="maxLength"/> characters, as written.</summary>
    public static string Name(string? text, string field, int maxLength)
    {
        var name = CellText.Clean(text);
        if (name.Length == 0) throw new DomainException($"{field}不能为空。", field);
        if (name.Length > maxLength) throw new DomainException($"{field}不超过 {maxLength} 个字，当前 {name.Length} 个字。", field);
        return name;
    }

    /// <summary>Optional free text of at most <paramref name="maxLength"/> characters.</summary>
    public static string Optional(string? text, string field, int maxLength)
    {
        var value = CellText.Clean(text);
        return value.Length > maxLength ? throw new DomainException($"{field}不超过 {maxLength} 个字，当前 {value.Length} 个字。", field) : value;
    }

    /// <summary>A mobile or landline number (0355-5722001, 13903551234, +86 …): 7–20 digits, dashes, spaces, a leading +; empty allowed.</summary>
    public static string Phone(string? text, string field = "联系电话")
    {
        var phone = CellText.Normalize(text);
        if (phone.Length == 0) return "";
        var digits = phone.Count(char.IsAsciiDigit);
        if (phone.Length > 20 || digits < 7 || !phone.Select((c, i) => char.IsAsciiDigit(c) || c is '-' or ' ' || (c == '+' && i == 0)).All(ok => ok))
            throw new DomainException($"{field}“{phone}”无效：应为手机号或带区号的固定电话（如 0355-5722001），只含数字和“-”。", field);
        return phone;
    }

    /// <summary>An e-mail address (name@host.domain); empty allowed.</summary>
    public static string Email(string? text, string field = "电子邮箱")
    {
        var email = CellText.Normalize(text);
        if (email.Length == 0) return "";
        var at = email.IndexOf('@');
        if (email.Length > 100 || at < 1 || at != email.LastIndexOf('@') || !email[(at + 1)..].Contains('.') || email.EndsWith('.') || email.Contains(' '))
            throw new DomainException($"{field}“{email}”无效，应形如 name@example.com。", field);
        return email;
    }
}
