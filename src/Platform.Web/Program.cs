using JasperFx;
using Platform.Web.Accounts;
using Platform.Web.Captions;
using Platform.Web.Components;
using Platform.Web.Generation;
using Platform.Web.Generation.Batches;
using Platform.Web.Generation.Servers;
using Platform.Web.Hosting;
using Platform.Web.Hosting.Database;
using Platform.Web.Results;
using Platform.Web.Studies;
using Platform.Web.Voting;

var builder = WebApplication.CreateBuilder(args);
// `dotnet Platform.Web.dll db-patch|db-assert|db-apply …` runs a JasperFx command; anything else runs the platform.
var runsCommand = args.Length > 0 && !args[0].StartsWith('-');
var role = PlatformRole.From(builder.Configuration);
// Serves package assets (MudBlazor, blazor.web.js) from a build output in any environment; a no-op when published.
builder.WebHost.UseStaticWebAssets();

builder.AddObservability();
builder.Services
    .AddPlatformDatabase()
    .AddJobs(role, builder.Configuration)
    .AddMessaging(builder.Configuration, role)
    .AddOperations()
    .AddApi()
    .AddAccounts(role)
    .AddStudies()
    .AddVoting()
    .AddResults(builder.Configuration, role)
    .AddGeneration(builder.Configuration, role)
    .AddCaptions()
    .AddParticipantRateLimit(builder.Configuration)
    .AddProxies()
    .AddSecurityHeaders()
    .AddUi();
// Only a command needs JasperFx's extensions; finding them prints "Searching … for commands" on every start.
if (runsCommand) builder.Host.ApplyJasperFxExtensions();

var app = builder.Build();

app.UseProxies().UseSecurityHeaders();
app.UsePlatformPipeline();
app.UseStudyAccess();
app.MapOperations(role);
app.UseJobs(role);
if (role.ServesWeb)
{
    app.MapAccounts();
    app.MapStudies();
    app.MapVoting();
    app.MapResults();
    app.MapServers();
    app.MapBatches();
    app.MapCaptions();
    app.MapMedia();
    app.MapUi();
}

if (runsCommand) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
