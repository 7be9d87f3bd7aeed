namespace Jixiao.Domain;

/// <summary>
/// A rule of the business was broken by what the user asked for. The message is Chinese, names the
/// field or row at fault and says how to fix it; the web host maps it to a 400/409 ProblemDetails.
/// </summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The request conflicts with the current state of the record (e.g. an illegal transition).</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>The user's role may not do what was asked (e.g. 三员分立); the message says who may, or how.</summary>
public sealed class ForbiddenException(string message, string? field = null) : DomainException(message, field);
