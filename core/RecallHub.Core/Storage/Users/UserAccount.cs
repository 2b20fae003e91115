namespace RecallHub.Core.Storage;

/// <summary>A dashboard account as stored.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="Name">The person's name, as they sign in and as every step they take is recorded.</param>
/// <param name="Role">What they may do.</param>
/// <param name="PasswordHash">The password hash (never the password), in the hasher's own format.</param>
/// <param name="FailedSignIns">Failed sign-ins since the last successful one.</param>
/// <param name="LockedUntil">Until when sign-ins are refused after too many failures, or <see langword="null"/>.</param>
/// <param name="LastSignInAt">The last successful sign-in, or <see langword="null"/>.</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record UserAccount(
    long Id,
    string Name,
    UserRole Role,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt)
{
    /// <summary>Whether sign-ins are refused at <paramref name="now"/>.</summary>
    /// <param name="now">The current instant.</param>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
