namespace PlanManager.Web.Infrastructure;

/// <summary>
/// Response headers that keep the staff pages from being framed, sniffed or fed foreign
/// scripts. Views have no inline scripts or styles, so the policy needs no 'unsafe-inline'.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>Hangfire's dashboard (Support only) ships inline scripts and styles; it alone gets them.</summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// A stored customer message's HTML (M1), shown to Support inside a sandboxed frame of the Messages
    /// page: no script, nothing fetched, framed only by the app itself.
    /// </summary>
    public const string SandboxedDocumentPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

    /// <summary>Set in HttpContext.Items by an endpoint that serves such a document.</summary>
    public const string SandboxedDocument = "pm:sandboxed-document";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var sandboxed = context.Items.ContainsKey(SandboxedDocument);
                headers.ContentSecurityPolicy = sandboxed ? SandboxedDocumentPolicy
                    : context.Request.Path.StartsWithSegments(HangfireSetup.DashboardPath, StringComparison.OrdinalIgnoreCase)
                    ? DashboardContentSecurityPolicy
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = sandboxed ? "SAMEORIGIN" : "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
}
