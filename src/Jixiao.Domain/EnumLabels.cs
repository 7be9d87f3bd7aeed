using System.Collections.Concurrent;
using System.Reflection;

namespace Jixiao.Domain;

/// <summary>The Chinese name users see for one enum member: on pages, in exports and messages, in the audit log and in the API description.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LabelAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>Reads the <see cref="LabelAttribute"/> of enum members, once per enum type.</summary>
public static class EnumLabels
{
    /// <summary>The member's Chinese name; a value the enum does not define (or a member without a name) reads as its C# name.</summary>
    public static string Label<T>(this T value) where T : struct, Enum =>
        Cache<T>.Texts.TryGetValue(value, out var text) ? text : value.ToString();

    /// <summary>The names of the flags set in <paramref name="flags"/>, in declaration order (the zero member never).</summary>
    public static IEnumerable<string> Labels<T>(this T flags) where T : struct, Enum =>
        Cache<T>.Ordered.Where(m => Convert.ToUInt64(m.Key) != 0 && flags.HasFlag(m.Key)).Select(m => m.Value);

    /// <summary>Member name → Chinese name of an enum type, for readers that hold the member's name (the audit log, the API description).</summary>
    public static IReadOnlyDictionary<string, string> Of(Type enumType) => ByName.GetOrAdd(enumType, static type =>
        Members(type).ToDictionary(m => m.Name, m => m.Text, StringComparer.Ordinal));

    /// <summary>The members of an enum type without a Chinese name (for the tests that keep every name written).</summary>
    public static IReadOnlyList<string> Unlabelled(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.GetCustomAttribute<LabelAttribute>() is not { Text.Length: > 0 })
            .Select(f => f.Name).ToList();

    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, string>> ByName = new();

    private static IEnumerable<(string Name, object Value, string Text)> Members(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.GetCustomAttribute<LabelAttribute>() is not null)
            .Select(f => (f.Name, f.GetValue(null)!, f.GetCustomAttribute<LabelAttribute>()!.Text));

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<KeyValuePair<T, string>> Ordered =
            Members(typeof(T)).Select(m => new KeyValuePair<T, string>((T)m.Value, m.Text)).ToList();

        public static readonly Dictionary<T, string> Texts = Ordered.DistinctBy(m => m.Key).ToDictionary();
    }
}
