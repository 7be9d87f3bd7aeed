// The namespaces nearly every feature file reads: the domain's errors and scope, the database, the signed-in user,
// the shared web pieces.
global using Jixiao.Domain;
global using Jixiao.Domain.Access;
global using Jixiao.Web.Data;
global using Jixiao.Web.Features.Access;
global using Jixiao.Web.Features.Shared;
global using Microsoft.EntityFrameworkCore;
