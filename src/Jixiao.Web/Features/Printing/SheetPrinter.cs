using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Jixiao.Web.Features.Printing;

/// <summary>One form to print: its heading, the file name of its PDF, and the Razor partial (the print sheet) that shows it.</summary>
/// <param name="Sheet">the partial's path, e.g. <c>/Features/Targets/_TargetPrint.cshtml</c>; the form page embeds the same partial for the browser's print</param>
public sealed record PrintJob(string Title, string FileName, string Sheet, object Model);

/// <summary>The HTML document Chromium prints: the sheet with the print stylesheet inlined (nothing is fetched).</summary>
public sealed record PrintDocument(string Title, string Sheet, object Model, string Css);

/// <summary>
/// Renders a form's print sheet into a whole HTML document and has <see cref="FormPdf"/> print it: the PDF is the same
/// server-rendered sheet the form page prints, so the page, its print and its PDF cannot drift apart.
/// </summary>
public sealed class SheetPrinter(IRazorViewEngine views, ITempDataProvider tempData, IWebHostEnvironment environment, FormPdf pdf)
{
    private const string Document = "/Features/Printing/PrintDocument.cshtml";

    private readonly Lazy<string> _css = new(() =>
    {
        using var reader = new StreamReader(environment.WebRootFileProvider.GetFileInfo("css/print.css").CreateReadStream());
        return reader.ReadToEnd();
    });

    /// <summary>The PDF of <paramref name="job"/>, or 404 when the form is not in the user's scope, or 503 when no PDF can be made now.</summary>
    public async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> FileAsync(HttpContext http, PrintJob? job, CancellationToken ct)
    {
        if (job is null) return TypedResults.NotFound();
        try
        {
            var html = await HtmlAsync(http, new PrintDocument(job.Title, job.Sheet, job.Model, _css.Value));
            return TypedResults.File(await pdf.PrintAsync(html, ct), FileTypes.Pdf, PdfName(job.FileName));
        }
        catch (PrintUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂时不能生成 PDF");
        }
    }

    private async Task<string> HtmlAsync(HttpContext http, PrintDocument document)
    {
        var action = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var view = views.GetView(null, Document, isMainPage: true).View ?? throw new InvalidOperationException($"找不到打印模板 {Document}。");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary<PrintDocument>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = document };
        var context = new ViewContext(action, view, data, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }

    /// <summary>A file name every system accepts: no path separators or characters Windows refuses.</summary>
    private static string PdfName(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || "\\/:*?\"<>|".Contains(c) ? '_' : c)).Trim() + ".pdf";
}
