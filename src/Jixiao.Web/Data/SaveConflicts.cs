using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Jixiao.Web.Data;

/// <summary>
/// What a save refused by the database means to the user. Two people acting on one record at once both pass the
/// checks and reach the database together; the second is refused by the record's concurrency token (it changed since
/// it was read) or by a key the first one took (the next review step's number, version 1 of a target). A feature
/// names those keys with the message for each; such a refusal becomes a <see cref="ConflictException"/> (409) with
/// it. Any other refusal of the database is a bug and stays one (500).
/// </summary>
/// <param name="changed">the message when the record changed since it was read</param>
/// <param name="keys">the message per primary key or unique index, by its name in the schema (<c>PK_…</c>, <c>IX_…</c>)</param>
public sealed partial class SaveConflicts(string changed, IReadOnlyDictionary<string, string> keys)
{
    /// <summary>The keys the feature expects another save to take first (checked against the schema by a test).</summary>
    public IEnumerable<string> Keys => keys.Keys;

    public async Task SaveAsync(DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(changed);
        }
        catch (DbUpdateException e) when (UniqueKey(db.Model, e) is { } key && keys.TryGetValue(key, out var message))
        {
            throw new ConflictException(message);
        }
    }

    /// <summary>
    /// The primary key or unique index that refused a write — through EF (<see cref="DbUpdateException"/>) or a bulk
    /// insert (the provider's own exception) — by its name; null for any other failure. PostgreSQL names it (SqlState
    /// 23505); SQLite (SQLITE_CONSTRAINT_UNIQUE 2067, SQLITE_CONSTRAINT_PRIMARYKEY 1555) names its columns, which the
    /// model's table maps back to the name.
    /// </summary>
    public static string? UniqueKey(IModel model, Exception e) => (e is DbUpdateException ? e.InnerException : e) switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => p.ConstraintName,
        SqliteException { SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } s => SqliteKey(model, s.Message),
        _ => null,
    };

    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>"UNIQUE constraint failed: PerformanceTargets.SubjectKey, PerformanceTargets.Version" → IX_PerformanceTargets_SubjectKey_Version.</summary>
    private static string? SqliteKey(IModel model, string message)
    {
        if (SqliteColumns().Match(message) is not { Success: true } failed) return null;
        var columns = failed.Groups["columns"].Value.Split(", ").Select(c => c.Split('.', 2)).ToList();
        if (columns.Any(c => c.Length != 2 || c[0] != columns[0][0])) return null;
        var table = model.GetRelationalModel().FindTable(columns[0][0], null);
        var names = columns.Select(c => c[1]).ToList();
        return table?.UniqueConstraints.FirstOrDefault(k => k.Columns.Select(c => c.Name).SequenceEqual(names))?.Name
               ?? table?.Indexes.FirstOrDefault(i => i.IsUnique && i.Columns.Select(c => c.Name).SequenceEqual(names))?.Name;
    }

    [GeneratedRegex("constraint failed: (?<columns>[^']+)")]
    private static partial Regex SqliteColumns();
}
