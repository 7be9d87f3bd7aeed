namespace Jixiao.Web.Features.Workflow;

/// <summary>The filter bar of a list of forms (<c>_FormFilters</c>): where it submits, what it keeps, which filters it offers.</summary>
/// <param name="Keep">query keys the list needs besides the filters (year, box, round)</param>
/// <param name="States">the list's states, by name and label</param>
public sealed record FormFilterBar(string Path, FormQuery Query, FormChoices Choices, IReadOnlyDictionary<string, string> Keep,
    IReadOnlyList<(string Name, string Label)> States, bool Lights = false, bool Grades = false);

/// <summary>The batch bar above a list's table (<c>_BatchBar</c>); <paramref name="Grades"/> asks for a grade with 审核通过 (targets).</summary>
public sealed record BatchBar(bool Grades = false);
