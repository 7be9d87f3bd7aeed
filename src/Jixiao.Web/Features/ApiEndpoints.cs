using Jixiao.Web.Features.Targets;
using Jixiao.Web.Features.Library;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Account;
using Jixiao.Web.Features.Agencies;
using Jixiao.Web.Features.Engagements;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Evaluations;
using Jixiao.Web.Features.Evidence;
using Jixiao.Web.Features.Experts;
using Jixiao.Web.Features.ExAnte;
using Jixiao.Web.Features.EvaluationPlans;
using Jixiao.Web.Features.Rectifications;
using Jixiao.Web.Features.Notices;
using Jixiao.Web.Features.BudgetLinks;
using Jixiao.Web.Features.ResultsApplication;
using Jixiao.Web.Features.Disclosure;
using Jixiao.Web.Features.Panels;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Projects;
using Jixiao.Web.Features.Organisation;
using Jixiao.Web.Features.Printing;
using Jixiao.Web.Features.Security;
using Jixiao.Web.Features.Users;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features;

public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapJixiaoApis(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").ProducesProblem(StatusCodes.Status400BadRequest)
            .AddEndpointFilterFactory(Shared.RequestArguments.Create);
        api.MapAccountApi();
        api.MapOrganisationApi();
        api.MapUsersApi();
        api.MapSecurityApi();
        api.MapSecuritySettingsApi();
        api.MapAuditApi();
        api.MapProjectsApi();
        api.MapTargetsApi();
        api.MapLibraryApi();
        api.MapMonitoringApi();
        api.MapMonitoringSheetApi();
        api.MapEvaluationsApi();
        api.MapWorkflowApi();
        api.MapEvaluationSheetApi();
        api.MapImportsApi();
        api.MapPrintApi();
        api.MapEvidenceApi();
        api.MapAgenciesApi();
        api.MapEngagementsApi();
        api.MapPanelsApi();
        api.MapExAnteApi();
        api.MapEvaluationPlansApi();
        api.MapRectificationsApi();
        api.MapNoticesApi();
        api.MapBudgetLinksApi();
        api.MapResultsApplicationApi();
        api.MapDisclosureApi();
        api.MapExpertsApi();
        return app;
    }
}
