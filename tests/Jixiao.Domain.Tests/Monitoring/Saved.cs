namespace Jixiao.Domain.Tests.Monitoring;

/// <summary>Entities as a handler loads them: the database assigns Id, so the domain keeps its setter private.</summary>
internal static class Saved
{
    public static T WithId<T>(T entity, long id) where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }
}
