namespace RecallHub.Core.Storage;

/// <summary>Dashboard accounts: names, roles, password hashes and the sign-in counters behind the lockout.</summary>
/// <remarks>Names are unique regardless of case. The store never sees a password, only its hash.</remarks>
public interface IUserStore
{
    /// <summary>Creates an account.</summary>
    /// <param name="name">The person's name.</param>
    /// <param name="role">What they may do.</param>
    /// <param name="passwordHash">The hashed password.</param>
    /// <param name="createdAt">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new account's id.</returns>
    /// <exception cref="ArgumentException">The name is missing, too long, or already taken.</exception>
    Task<long> AddAsync(string name, UserRole role, string passwordHash, DateTimeOffset createdAt, CancellationToken cancellationToken = default);

    /// <summary>An account by name (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<UserAccount?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every account, by name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts a failed sign-in, and locks the account when it reaches <paramref name="maxFailures"/>.</summary>
    /// <param name="userId">The account.</param>
    /// <param name="maxFailures">Failures in a row that lock the account.</param>
    /// <param name="lockedUntil">Until when it is then locked.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The account as it is now.</returns>
    Task<UserAccount> RecordFailedSignInAsync(long userId, int maxFailures, DateTimeOffset lockedUntil, CancellationToken cancellationToken = default);

    /// <summary>Records a successful sign-in: the failure count and the lock are cleared; a new hash may replace the old one.</summary>
    /// <param name="userId">The account.</param>
    /// <param name="at">When.</param>
    /// <param name="rehashedPassword">A stronger hash of the same password, or <see langword="null"/> to keep the stored one.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task RecordSignInAsync(long userId, DateTimeOffset at, string? rehashedPassword = null, CancellationToken cancellationToken = default);
}
