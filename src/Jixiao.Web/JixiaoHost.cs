using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Jixiao.Web.Features;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Portal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Jixiao.Web;

/// <summary>Service registration and the request pipeline of the one host (UI, API, CLI).</summary>
public static class JixiaoHost
{
    /// <summary>The name of the OpenAPI document (served at /openapi/v1.json).</summary>
    public const string OpenApiDocument = "v1";

    public static WebApplicationBuilder AddJixiao(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessClock>();
        services.AddJixiaoDatabase();
        // The notices' interceptor first: it writes its notices after the save and before the audit trail commits the save's transaction.
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Features.Notices.NoticeInterceptor>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Features.Audit.AuditSaveInterceptor>();
        services.Configure<Features.Notices.MailOptions>(builder.Configuration.GetSection(Features.Notices.MailOptions.Section));
        services.Configure<Features.Notices.NoticeOptions>(builder.Configuration.GetSection(Features.Notices.NoticeOptions.Section));
        services.AddSingleton<Features.Notices.NoticeMailer>();
        services.AddScoped<Features.Notices.NoticeSweep>();
        services.AddHostedService<Features.Notices.NoticeService>();
        services.AddSingleton<Features.Projects.ProjectListCache>();
        services.AddSingleton<PortalCache>();
        services.AddSingleton<IReferenceSeed, Features.Library.LibrarySeed.Reference>();
        services.AddJixiaoAuth();
        services.AddPortalLimits(builder.Configuration);
        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ScaleGenerator>();
        services.AddScoped<IScaleStep, ProjectScaleStep>();
        services.AddScoped<IScaleStep, ExAnteScaleStep>();
        services.AddScoped<IScaleStep, TargetScaleStep>();
        services.AddScoped<IScaleStep, MonitoringScaleStep>();
        services.AddScoped<IScaleStep, EvaluationScaleStep>();
        services.AddScoped<IScaleStep, PlanScaleStep>();
        services.AddScoped<IScaleStep, RectificationScaleStep>();
        services.Configure<UploadLimits>(builder.Configuration.GetSection(UploadLimits.Section));
        services.Configure<Domain.Evidence.EvidenceLimits>(builder.Configuration.GetSection(Domain.Evidence.EvidenceLimits.Section));
        services.AddScoped<IEvidenceStore, EvidenceStore>();
        services.Configure<FormLimits>(builder.Configuration.GetSection(FormLimits.Section));
        services.Configure<Features.Printing.PdfOptions>(builder.Configuration.GetSection(Features.Printing.PdfOptions.Section));
        services.AddSingleton<Features.Printing.FormPdf>();
        services.AddSingleton<Features.Printing.SheetPrinter>();
        services.AddScoped<Importer>();
        services.AddScoped<ImportService>();

        services.AddDataProtection().SetApplicationName("Jixiao");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.ConfigureFilter(new RefusalPageFilter());
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = DomainExceptionHandler.InChinese);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums by name only: a number would bind to a value the enum does not define.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Numbers as JSON numbers only. The web defaults also read "12" as 12, which the OpenAPI document then has to
            // describe as ["integer","string"] with a pattern — and every generated client as a union type.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi(OpenApiDocument, o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddSchemaTransformer<EnumSchemaTransformer>();
            o.AddOperationTransformer<ErrorResponsesTransformer>();
            // Nested records share short names (SaveUser.Command, SaveOrg.Command): name them with their container, or one schema stands for both.
            o.CreateSchemaReferenceId = type => type.Type.IsNested && OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id
                ? type.Type.DeclaringType!.Name + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication UseJixiao(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler("/Error");
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticFileCaching.Prepare });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CrossSiteGuard>();
        app.UseMiddleware<ScopeMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<UploadSizeLimit>();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/openapi/{OpenApiDocument}.json", "Jixiao API v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "绩效 Jixiao API";
        });
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthWriter.WriteAsync }).AllowAnonymous();
        app.MapRazorPages();
        app.MapJixiaoApis();
        app.MapOpenData();
        return app;
    }

    /// <summary>Applies pending schema steps and, where configured, seeds the demo county into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("system");
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedIfEmptyAsync();
        seeder.PrintAccounts(Console.Out);
    }
}
