using Dapper;
using Npgsql;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>Dashboard accounts on PostgreSQL: <c>users</c>, each pharmacy its own, names unique per pharmacy regardless of case.</summary>
internal sealed class PostgreSqlUserStore(PostgreSqlStoreSession session) : IUserStore
{
    private const string Returned = """
        id AS Id, name AS Name, role AS Role, password_hash AS PasswordHash, failed_sign_ins AS FailedSignIns,
        locked_until AS LockedUntil, last_sign_in_at AS LastSignInAt, created_at AS CreatedAt
        """;

    public Task<long> AddAsync(string name, UserRole role, string passwordHash, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        string trimmed = UserAccountRules.Name(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        string pharmacy = session.Scope.Pharmacy;
        return session.WriteAsync(async transaction =>
        {
            try
            {
                return await session.Connection.ExecuteScalarAsync<long>(
                    "INSERT INTO users (pharmacy, name, role, password_hash, created_at) VALUES (@pharmacy, @trimmed, @role, @passwordHash, @at) RETURNING id;",
                    new { pharmacy, trimmed, role = UserAccountRules.RoleText(role), passwordHash, at = PostgreSqlValues.Instant(createdAt) },
                    transaction).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new ArgumentException($"There is already an account named '{trimmed}'.", nameof(name), e);
            }
        }, cancellationToken);
    }

    public async Task<UserAccount?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var row = await session.Connection.QueryFirstOrDefaultAsync<UserRow>(
            $"SELECT {Returned} FROM users WHERE lower(name) = lower(@name){session.PharmacyFilter()} ORDER BY id LIMIT 1;",
            new { name = name.Trim(), pharmacy = session.ReadPharmacy },
            session.Transaction).ConfigureAwait(false);
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await session.Connection.QueryAsync<UserRow>(
            $"SELECT {Returned} FROM users WHERE TRUE{session.PharmacyFilter()} ORDER BY lower(name) COLLATE \"C\", id;",
            new { pharmacy = session.ReadPharmacy },
            session.Transaction).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToAccount())];
    }

    public Task<UserAccount> RecordFailedSignInAsync(long userId, int maxFailures, DateTimeOffset lockedUntil, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        return session.WriteAsync(async transaction =>
        {
            // One statement: concurrent failures cannot both read the old count.
            var row = await session.Connection.QuerySingleOrDefaultAsync<UserRow>(
                $"""
                UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
                                 locked_until = CASE WHEN failed_sign_ins + 1 >= @maxFailures THEN @until ELSE locked_until END
                WHERE id = @userId{session.PharmacyFilter()}
                RETURNING {Returned};
                """,
                new { userId, maxFailures, until = PostgreSqlValues.Instant(lockedUntil), pharmacy = session.ReadPharmacy },
                transaction).ConfigureAwait(false);
            return row?.ToAccount() ?? throw new ArgumentException($"There is no account {userId}.", nameof(userId));
        }, cancellationToken);
    }

    public Task RecordSignInAsync(long userId, DateTimeOffset at, string? rehashedPassword = null, CancellationToken cancellationToken = default) =>
        session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                $"""
                UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = @at,
                                 password_hash = COALESCE(@rehashedPassword, password_hash)
                WHERE id = @userId{session.PharmacyFilter()};
                """,
                new { userId, at = PostgreSqlValues.Instant(at), rehashedPassword, pharmacy = session.ReadPharmacy },
                transaction),
            cancellationToken);

    /// <summary>A <c>users</c> row.</summary>
    private sealed class UserRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string Role { get; set; } = "";

        public string PasswordHash { get; set; } = "";

        public int FailedSignIns { get; set; }

        public DateTime? LockedUntil { get; set; }

        public DateTime? LastSignInAt { get; set; }

        public DateTime CreatedAt { get; set; }

        public UserAccount ToAccount() => new(
            Id,
            Name,
            UserAccountRules.ReadRole(Role),
            PasswordHash,
            FailedSignIns,
            PostgreSqlValues.ReadInstant(LockedUntil),
            PostgreSqlValues.ReadInstant(LastSignInAt),
            PostgreSqlValues.ReadInstant(CreatedAt));
    }
}
