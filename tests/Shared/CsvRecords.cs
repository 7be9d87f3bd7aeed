using Microsoft.VisualBasic.FileIO;

namespace Jixiao.Tests.Shared;

/// <summary>Comma-separated text read as written (RFC 4180, nothing trimmed), with the base library's parser, to check a file cell by cell.</summary>
public static class CsvRecords
{
    public static List<string[]> Read(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text))
        {
            TextFieldType = FieldType.Delimited,
            Delimiters = [","],
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        var records = new List<string[]>();
        while (parser.ReadFields() is { } fields) records.Add(fields);
        return records;
    }
}
