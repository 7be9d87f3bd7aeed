using System.Security.Cryptography;
using System.Text;
using Jixiao.Domain.Evidence;

namespace Jixiao.Web.Features.Demo;

/// <summary>A small PDF attached to a demo record as its author would upload it (stored like every evidence file).</summary>
public static class DemoFiles
{
    public static async Task<EvidenceFile> AttachPdfAsync(SystemDbContext db, string region, int year, EvidenceOwner owner, long ownerId, string fileName,
        string note, long? uploaderId, string uploaderName, DateTime atUtc, CancellationToken ct)
    {
        var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {owner} {ownerId} {Convert.ToHexString(Encoding.UTF8.GetBytes(fileName))}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var file = new EvidenceFile
        {
            RegionCode = region, FiscalYear = year, OwnerKind = owner, OwnerId = ownerId, FileName = fileName, Kind = EvidenceKind.Pdf, Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), UploadedById = uploaderId, UploadedByName = uploaderName, UploadedAtUtc = atUtc, Note = note,
        };
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(ct);
        await new EvidenceStore(db).WriteAsync(file.Id, new MemoryStream(content), ct);
        return file;
    }
}
