namespace Jixiao.Web.Data;

/// <summary>A data-protection key shared by every app instance (cookies and tokens survive any node).</summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
