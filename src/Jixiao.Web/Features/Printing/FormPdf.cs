using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Jixiao.Web.Features.Printing;

/// <summary>How forms become PDF (section <c>Pdf</c>): the Chromium that prints them, how many at once, how long one may take.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium executable; empty: the environment's <c>JIXIAO_CHROMIUM</c>, else the Debian package's.</summary>
    public string ChromiumPath { get; set; } = "";

    /// <summary>Forms printed at the same time by one instance; further requests wait (each page holds tens of MB in Chromium).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>The longest one request may wait for its turn and its PDF together.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public string Executable => ChromiumPath is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") is { Length: > 0 } environment ? environment
        : "/usr/bin/chromium";
}

/// <summary>A PDF could not be made now (no Chromium, too many at once, too slow): a 503 with the reason, never a 500.</summary>
public sealed class PrintUnavailableException(string message) : Exception(message);

/// <summary>
/// Prints server-rendered HTML to A4 PDF with headless Chromium. One browser per process, launched on first use and
/// again after it crashed; each form gets its own context with JavaScript off and every network request refused,
/// so the document shows only what the server rendered into it. Nothing is kept between requests but the browser,
/// so any number of instances can run side by side.
/// </summary>
public sealed class FormPdf(IOptions<PdfOptions> options, ILogger<FormPdf> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turns = new(Math.Max(1, options.Value.MaxConcurrent));
    private readonly SemaphoreSlim _launching = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var settings = options.Value;
        if (!File.Exists(settings.Executable))
            throw new PrintUnavailableException($"服务器上找不到生成 PDF 所用的 Chromium（{settings.Executable}），暂时不能下载 PDF。" +
                                                "请系统管理员安装 chromium 和 fonts-noto-cjk，或在设置 Pdf:ChromiumPath 中指定其路径；在此之前可用页面上的“打印”按钮打印。");
        var limit = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limit);
        try
        {
            await _turns.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PrintUnavailableException($"正在生成的 PDF 较多，{settings.TimeoutSeconds} 秒内没有轮到您，请稍后再试。");
        }
        try
        {
            // A browser that died since the last request is launched again, once per request.
            for (var attempt = 1; ; attempt++)
            {
                var browser = await BrowserAsync(settings, deadline.Token);
                try
                {
                    return await RenderAsync(browser, html, settings).WaitAsync(deadline.Token);
                }
                catch (PlaywrightException e) when (!browser.IsConnected && attempt == 1)
                {
                    logger.LogWarning(e, "Chromium exited while printing; launching it again");
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PrintUnavailableException($"生成 PDF 超过 {settings.TimeoutSeconds} 秒仍未完成，请稍后再试；表格很长时可先用“打印”按钮打印。");
        }
        catch (PlaywrightException e)
        {
            logger.LogError(e, "Chromium failed to print a form");
            throw new PrintUnavailableException("生成 PDF 时 Chromium 出错，请稍后再试；如持续出现请联系系统管理员。");
        }
        finally
        {
            _turns.Release();
        }
    }

    private static async Task<byte[]> RenderAsync(IBrowser browser, string html, PdfOptions settings)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "zh-CN" });
        await context.RouteAsync("**/*", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        var timeout = settings.TimeoutSeconds * 1000f;
        await page.SetContentAsync(html, new PageSetContentOptions { Timeout = timeout });
        return await page.PdfAsync(new PagePdfOptions
        {
            // Size, margins and page numbers come from print.css (@page), as when the page itself is printed.
            Format = "A4", PreferCSSPageSize = true, PrintBackground = true,
        });
    }

    private async Task<IBrowser> BrowserAsync(PdfOptions settings, CancellationToken ct)
    {
        if (_browser is { IsConnected: true } running) return running;
        await _launching.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true } launched) return launched;
            if (_browser is not null) await _browser.DisposeAsync();
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = settings.Executable,
                Headless = true,
                Timeout = settings.TimeoutSeconds * 1000f,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return _browser;
        }
        finally
        {
            _launching.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _turns.Dispose();
        _launching.Dispose();
    }
}
