using Hangfire;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Platform.Accounts;
using Platform.Web.Hosting;

namespace Platform.Web.Accounts;

public static class Config
{
    private const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddAccounts(this IServiceCollection services, PlatformRole role)
    {
        services.ConfigureMarten(options =>
        {
            options.Projections.Snapshot<UserAccount>(SnapshotLifecycle.Inline);
            options.Schema.For<UserAccount>().UniqueIndex(u => u.Email);
            // Stored as "apitoken": the table of the bearer tokens it grew from, so tokens issued before still work.
            options.Schema.For<SignInRecord>().DocumentAlias("apitoken").Index(t => t.ExpiresAt).Index(t => t.UserId);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<SignIns>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Authenticator>();
        services.AddTransient<PurgeExpiredTokens>();
        if (role.ServesWeb)
            services.AddHostedService<BootstrapAdmin>();
        AddSignInSchemes(services);
        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountState>();
        return services;
    }

    /// <summary>A cookie for people and a bearer token for scripts, chosen by the request's Authorization header.</summary>
    private static void AddSignInSchemes(IServiceCollection services) =>
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie for people, bearer token for scripts", o =>
                o.ForwardDefaultSelector = http =>
                    http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerTokenHandler.SchemeName
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CrossSiteRequests.AuthCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS (behind a proxy: see Hosting/Proxies.cs)
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events = new CookieEvents();
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapTokens();
        app.MapSignIns();
        app.MapUsers();
        app.MapSignOut();
        return app;
    }

    /// <summary>Registers the recurring account jobs; called where workers run.</summary>
    public static void ScheduleAccountJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<PurgeExpiredTokens>(PurgeExpiredTokens.JobId, j => j.RunAsync(), Cron.Daily());
}
