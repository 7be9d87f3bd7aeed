namespace Jixiao.Web.Features.Imports;

/// <summary>An uploaded file read into memory, within <see cref="UploadLimits.MaxRequestBytes"/> (the request limit bounds it too).</summary>
public static class Uploads
{
    public static async Task<byte[]> ReadAsync(IFormFile file, UploadLimits limits, CancellationToken ct)
    {
        if (file.Length == 0) throw new DomainException("上传的文件是空的。", "文件");
        if (file.Length > limits.MaxRequestBytes)
            throw new DomainException($"文件“{file.FileName}”有 {file.Length / 1024.0 / 1024.0:0.#} MB，超过 {limits.MaxRequestBytes / 1024 / 1024} MB 的上传上限，请拆分后分批导入。", "文件");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
