namespace Jixiao.Domain.Evidence;

/// <summary>What an evidence file (附件) is, as its content says (never its name).</summary>
public enum EvidenceKind
{
    [Label("PDF")]
    Pdf = 1,
    [Label("PNG 图片")]
    Png = 2,
    [Label("JPEG 图片")]
    Jpeg = 3,
    [Label("Word 文档")]
    Docx = 4,
    [Label("Excel 工作簿")]
    Xlsx = 5,
    /// <summary>A zip holding only files of the other kinds.</summary>
    [Label("压缩包")]
    Zip = 6,
}

/// <summary>What an evidence file is attached to. A new kind is one value here and one line in the web's owner registry.</summary>
public enum EvidenceOwner
{
    [Label("绩效目标")]
    Target = 1,
    [Label("监控表")]
    MonitoringTask = 2,
    [Label("自评表")]
    SelfEvaluation = 3,
    [Label("阶段成果")]
    Deliverable = 4,
    [Label("评审材料")]
    PanelMaterial = 5,
    [Label("事前评估材料")]
    ExAnte = 6,
    [Label("评价证据")]
    EvaluationPlan = 7,
    [Label("整改佐证材料")]
    Rectification = 8,
}

public static class EvidenceKinds
{
    /// <summary>The extensions a file of the kind is saved with; the first is the one a name without a fitting one gets.</summary>
    public static IReadOnlyList<string> Extensions(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => [".pdf"],
        EvidenceKind.Png => [".png"],
        EvidenceKind.Jpeg => [".jpg", ".jpeg"],
        EvidenceKind.Docx => [".docx"],
        EvidenceKind.Xlsx => [".xlsx"],
        EvidenceKind.Zip => [".zip"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
