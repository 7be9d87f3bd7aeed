namespace Jixiao.Domain.Tests;

/// <summary>Helpers for asserting that messages shown to users are written in Chinese.</summary>
internal static class Chinese
{
    public static bool HasHanzi(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    public static void AssertMessage(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.True(HasHanzi(message), $"Expected a Chinese message but got: {message}");
    }
}
