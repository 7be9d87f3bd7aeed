using System.Diagnostics;

namespace Jixiao.Tests.Shared;

public static class LibreOffice
{
    /// <summary>LibreOffice opens the file and saves it again as xlsx (its own writer): the round trip a user's office makes.</summary>
    public static byte[] RoundTrip(byte[] xlsx, string fileName)
    {
        var soffice = TestEnvironment.RequireLibreOffice();
        var folder = Directory.CreateTempSubdirectory("jixiao-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, fileName);
            File.WriteAllBytes(input, xlsx);
            var output = Path.Combine(folder.FullName, "out");
            var start = new ProcessStartInfo(soffice, ["--headless", "--norestore", $"-env:UserInstallation=file://{folder.FullName}/profile",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", output, input]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "LibreOffice did not finish converting within 2 minutes");
            var converted = Path.Combine(output, fileName);
            Assert.True(process.ExitCode == 0 && File.Exists(converted),
                $"LibreOffice could not open the exported file: {process.StandardOutput.ReadToEnd()} {process.StandardError.ReadToEnd()}");
            return File.ReadAllBytes(converted);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
