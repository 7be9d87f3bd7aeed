namespace Jixiao.Domain.Access;

/// <summary>
/// Password policy (等保2.0 三级): at least 8 characters drawn from at least 3 of 4 character classes, not containing
/// the user name, and not a common password (the shipped list <c>CommonPasswords.txt</c>, matched case-insensitively,
/// as written or as the stem before trailing digits and symbols: "Admin@123", "Password1!", "woaini1314").
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int RequiredClasses = 3;
    /// <summary>A new password may not be any of the last this many (the current one included).</summary>
    public const int HistoryDepth = 5;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static IReadOnlyList<string> Check(string? password, string? userName)
    {
        var errors = new List<string>();
        password ??= "";
        if (password.Length < MinimumLength)
            errors.Add($"密码长度至少 {MinimumLength} 位，当前 {password.Length} 位。");
        var classes = CountClasses(password);
        if (classes < RequiredClasses)
            errors.Add($"密码须包含大写字母、小写字母、数字、符号中的至少 {RequiredClasses} 类，当前只有 {classes} 类。");
        if (userName?.Trim() is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            errors.Add($"密码不能包含用户名“{name}”。");
        if (IsCommon(password))
            errors.Add("密码过于常见（如 Password1!、Admin@123、P@ssw0rd、woaini1314 这类常用密码或键盘序列），容易被猜中，请换一个不常见的。");
        return errors;
    }

    /// <summary>In the common list as written, or its stem (what is left before trailing digits and symbols) is.</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (lower.Length == 0) return false;
        if (Common.Value.Contains(lower)) return true;
        var stem = lower.TrimEnd(c => !char.IsAsciiLetter(c));
        return stem.Length >= 2 && stem.Length < lower.Length && Common.Value.Contains(stem);
    }

    public static int CountClasses(string password) =>
        (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
        + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
        + (password.Any(char.IsAsciiDigit) ? 1 : 0)
        + (password.Any(c => !char.IsAsciiLetterOrDigit(c) && !char.IsWhiteSpace(c)) ? 1 : 0);

    private static string TrimEnd(this string text, Func<char, bool> strip)
    {
        var end = text.Length;
        while (end > 0 && strip(text[end - 1])) end--;
        return text[..end];
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Jixiao.Domain.Access.CommonPasswords.txt")
                           ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded in Jixiao.Domain.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim().ToLowerInvariant();
            if (word.Length > 0 && !word.StartsWith('#')) words.Add(word);
        }
        return words;
    }
}
