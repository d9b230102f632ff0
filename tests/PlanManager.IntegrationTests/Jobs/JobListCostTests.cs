using System.Collections.Concurrent;
using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Features.JobQueue;
using Xunit.Abstractions;

namespace PlanManager.IntegrationTests.Jobs;

/// <summary>The app with demo jobs, counting the SQL commands each request sends (issue 18, decision 0020).</summary>
public sealed class JobListCostFactory : PlanManagerFactory
{
    public CommandCounter Commands { get; } = new();

    protected override int DemoJobs => 120;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IInterceptor>(sp => Commands.Watching(sp.GetRequiredService<IHttpContextAccessor>())));
    }
}

/// <summary>Counts the commands sent while serving a request marked with the <see cref="Header"/> header.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    public const string Header = "X-Count-Commands";
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byMark = new();
    private IHttpContextAccessor? _http;

    public CommandCounter Watching(IHttpContextAccessor http)
    {
        _http = http;
        return this;
    }

    public IReadOnlyList<string> Of(string mark) => _byMark.TryGetValue(mark, out var commands) ? [.. commands] : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        if (_http?.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } mark)
        {
            _byMark.GetOrAdd(mark, _ => new()).Enqueue(command.CommandText);
        }
    }
}

/// <summary>
/// What a job list request costs that the user does not see: the SQL commands it sends (a ceiling, so the
/// shared layout cannot quietly add queries again), and its weight on the wire.
/// </summary>
public sealed class JobListCostTests(JobListCostFactory factory, ITestOutputHelper output) : IClassFixture<JobListCostFactory>, IAsyncLifetime
{
    private readonly HtmlClient _browser = new(factory.CreateBrowserLikeClient());

    public Task InitializeAsync() => _browser.SignInAsync(DemoDataSeeder.StaffEmail);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<string>> CommandsOfAsync(string url)
    {
        var mark = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CommandCounter.Header, mark);
        using var response = await _browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.Commands.Of(mark);
    }

    [Theory]
    // The page of rows and its count; the menu's queue counts and the repairers of the filter come from memory (decision 0025).
    [InlineData("/jobs", 2)]
    [InlineData("/jobs?page=3&sort=registration&dir=asc", 2)]
    // A search first finds the matching customers (decision 3); a first page that is not full needs no count.
    [InlineData("/jobs?q=1-ABC", 2)]
    public async Task A_job_list_request_sends_at_most_its_own_queries(string url, int ceiling)
    {
        // With the menu's counts dropped the request reads them too, as every request did before decision 0020.
        factory.Services.GetRequiredService<QueueMenuCounts>().Invalidate();
        var first = await CommandsOfAsync(url);

        var commands = await CommandsOfAsync(url);

        output.WriteLine($"{url}: {first.Count} commands with the menu's counts read, then {commands.Count}");
        Assert.True(commands.Count <= ceiling, $"{url} sent {commands.Count} commands:\n{string.Join("\n---\n", commands)}");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_job_list_is_compressed_on_the_wire_and_stays_light(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await _browser.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var wire = await response.Content.ReadAsByteArrayAsync();
        await using var unpacked = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(wire), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(wire), CompressionMode.Decompress);
        var html = await new StreamReader(unpacked).ReadToEndAsync();
        var page = HtmlClient.Parse(html);
        Assert.Equal(25, page.QuerySelectorAll("table.pm-table tbody tr").Length);
        output.WriteLine($"{encoding}: {wire.Length} bytes on the wire for {html.Length} characters of HTML");
        Assert.True(wire.Length < 60 * 1024, $"{wire.Length} bytes on the wire ({html.Length} characters of HTML)");
        Assert.True(wire.Length * 3 < html.Length, $"{wire.Length} bytes on the wire for {html.Length} characters of HTML");
    }

    [Fact]
    public async Task A_versioned_static_file_is_cached_for_a_year_and_an_unversioned_one_is_asked_again()
    {
        var page = await _browser.GetPageAsync("/jobs");
        var styles = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Single(h => h.StartsWith("/css/site.css?v=", StringComparison.Ordinal));

        using var versioned = await _browser.Http.GetAsync(styles);
        using var plain = await _browser.Http.GetAsync("/css/site.css");
        using var otherVersion = await _browser.Http.GetAsync("/css/site.css?v=an-older-release");

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.DoesNotContain("immutable", plain.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("immutable", otherVersion.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_style_sheet_and_script_of_the_staff_layout_is_linked_by_version_and_cached_for_a_year()
    {
        var page = await _browser.GetPageAsync("/jobs");
        var links = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();

        Assert.Contains(links, l => l.StartsWith("/lib/bootstrap/dist/css/bootstrap.min.css?v=", StringComparison.Ordinal));
        foreach (var link in links)
        {
            using var response = await _browser.Http.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
            Assert.Equal((link, "public, max-age=31536000, immutable"), (link, response.Headers.CacheControl?.ToString()));
        }
    }
}
