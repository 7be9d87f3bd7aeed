namespace Jixiao.Domain.Access;

/// <summary>Password policy: at least 8 characters drawn from at least 3 of 4 character classes.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int RequiredClasses = 3;

    public static IReadOnlyList<string> Check(string? password)
    {
        var errors = new List<string>();
        password ??= "";
        if (password.Length < MinimumLength)
            errors.Add($"密码长度至少 {MinimumLength} 位，当前 {password.Length} 位。");
        var classes = CountClasses(password);
        if (classes < RequiredClasses)
            errors.Add($"密码须包含大写字母、小写字母、数字、符号中的至少 {RequiredClasses} 类，当前只有 {classes} 类。");
        return errors;
    }

    public static int CountClasses(string password) =>
        (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
        + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
        + (password.Any(char.IsAsciiDigit) ? 1 : 0)
        + (password.Any(c => !char.IsAsciiLetterOrDigit(c) && !char.IsWhiteSpace(c)) ? 1 : 0);
}
