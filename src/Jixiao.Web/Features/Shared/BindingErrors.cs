using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// A value a form could not read (text in a number field, an unknown choice) is not dropped silently: the binder's
/// error becomes one Chinese message naming the row (for rows posted as <c>Prefix[i].Field</c>), what was written and
/// how to fix it, and the page saves nothing.
/// </summary>
public static class BindingErrors
{
    /// <param name="rows">the prefix of the posted rows ("Rows", "Form.Indicators"); row i is shown as 第 i+1 行</param>
    /// <param name="fix">the fix per field name (the key's last part), e.g. "Weight" → "分值应为数字"</param>
    /// <returns>true when there was any</returns>
    public static bool Explain(ModelStateDictionary state, string rows, IReadOnlyDictionary<string, string> fix)
    {
        var unreadable = state.Where(e => e.Value?.Errors.Count > 0 && e.Key.Length > 0).ToList();
        foreach (var (key, entry) in unreadable)
        {
            var written = entry?.AttemptedValue ?? "";
            state.Remove(key);
            var field = key[(key.LastIndexOf('.') + 1)..];
            var why = fix.GetValueOrDefault(field, $"{field} 无法识别");
            var where = key.StartsWith(rows + "[", StringComparison.Ordinal)
                ? $"第 {int.Parse(key[(rows.Length + 1)..key.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture) + 1} 行"
                : "";
            state.AddModelError("", $"{where}“{written}”：{why}。未保存，请改正后再保存。");
        }
        return unreadable.Count > 0;
    }

    /// <summary>
    /// What an input shows: on a form that came back with an error, what the user typed (a record that failed to bind
    /// holds defaults, neither the typed nor the stored values); otherwise the stored value.
    /// </summary>
    public static string Shown(HttpRequest request, string name, string stored) =>
        request.HasFormContentType && request.Form.TryGetValue(name, out var typed) ? typed.ToString() : stored;

    public static string Shown(HttpRequest request, string name, decimal stored) =>
        Shown(request, name, stored.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
}
