namespace Jixiao.Web.Features.Shared;

/// <summary>The content types of the files the product sends, and how an API endpoint declares that it sends one.</summary>
public static class FileTypes
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Pdf = "application/pdf";
    public const string Csv = "text/csv";

    /// <summary>Declares a 200 answer whose body is a file of one of <paramref name="contentTypes"/> (a binary string in the OpenAPI document).</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType, params string[] contentTypes) =>
        builder.Produces<Stream>(StatusCodes.Status200OK, contentType, contentTypes);
}
