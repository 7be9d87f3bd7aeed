using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The one answer of every page to a post that a business rule refuses (<see cref="DomainException"/>, conflicts and
/// what the role may not do alike): nothing half-written is saved (the request's change tracker is cleared), the
/// message is put above the form — or beside the field it names, when <see cref="DomainException.Field"/> is a bound
/// property's name or its <see cref="DisplayAttribute"/> name — and the page is shown again (200) as its GET handler
/// loads it, with what the user posted.
/// </summary>
/// <remarks>
/// So a page's GET handler fills its inputs from the database only on a GET (<c>HttpMethods.IsGet(Request.Method)</c>);
/// on a post shown again they keep what was posted. The GET handler gets the refused handler's arguments of the same
/// name (the route's <c>id</c>). What the page was showing (a tab, a filter) is posted with the form, so it binds again.
/// </remarks>
public sealed class RefusalPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed is not { Exception: DomainException refusal, ExceptionHandled: false } || IsGet(context.HandlerMethod)) return;
        context.HttpContext.RequestServices.GetRequiredService<JixiaoDbContext>().ChangeTracker.Clear();
        context.ModelState.AddModelError(KeyOf(context.ActionDescriptor, refusal.Field), refusal.Message);
        executed.ExceptionHandled = true;
        executed.Result = await ShowAgainAsync(context) ?? new PageResult();
    }

    private static bool IsGet(HandlerMethodDescriptor? handler) => string.Equals(handler?.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the page's GET handler on the page as posted; its answer when it has one (a record gone: 404).</summary>
    private static async Task<IActionResult?> ShowAgainAsync(PageHandlerExecutingContext context)
    {
        var get = context.ActionDescriptor.HandlerMethods.Single(h => IsGet(h) && h.Name is null);
        var arguments = get.Parameters.Select(p => p.ParameterType == typeof(CancellationToken)
                ? context.HttpContext.RequestAborted
                : context.HandlerArguments.TryGetValue(p.Name, out var value)
                    ? value
                    : throw new InvalidOperationException(
                        $"{context.ActionDescriptor.DisplayName}: the GET handler's parameter '{p.Name}' is not one of the refused handler's."))
            .ToArray();
        var returned = get.MethodInfo.Invoke(context.HandlerInstance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        if (returned is Task task) await task;
        return returned switch
        {
            Task<IActionResult> answered => answered.Result,
            IActionResult answer => answer,
            _ => null,
        };
    }

    private static string KeyOf(CompiledPageActionDescriptor page, string? field) =>
        field is null
            ? ""
            : page.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                .FirstOrDefault(p => p.Name == field || p.Property.GetCustomAttribute<DisplayAttribute>()?.Name == field)?.Name ?? "";
}
