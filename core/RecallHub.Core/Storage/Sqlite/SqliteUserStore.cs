using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>Dashboard accounts on SQLite: <c>users</c>.</summary>
internal sealed class SqliteUserStore(SqliteStoreSession session) : IUserStore
{
    private const string SelectRows = """
        SELECT id AS Id, name AS Name, role AS Role, password_hash AS PasswordHash, failed_sign_ins AS FailedSignIns,
               locked_until AS LockedUntil, last_sign_in_at AS LastSignInAt, created_at AS CreatedAt
        FROM users
        """;

    public Task<long> AddAsync(string name, UserRole role, string passwordHash, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        string trimmed = UserAccountRules.Name(name);

        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return session.WriteAsync(async transaction =>
        {
            try
            {
                return await session.Connection.ExecuteScalarAsync<long>(
                    "INSERT INTO users (name, role, password_hash, created_at) VALUES (@trimmed, @role, @passwordHash, @at) RETURNING id;",
                    new { trimmed, role = UserAccountRules.RoleText(role), passwordHash, at = SqliteValues.Instant(createdAt) },
                    transaction).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                throw new ArgumentException($"There is already an account named '{trimmed}'.", nameof(name), e);
            }
        }, cancellationToken);
    }

    public async Task<UserAccount?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var row = await session.Connection.QuerySingleOrDefaultAsync<UserRow>(
            $"{SelectRows} WHERE name = @name;", new { name = name.Trim() }, session.Transaction).ConfigureAwait(false);
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await session.Connection.QueryAsync<UserRow>($"{SelectRows} ORDER BY name;", transaction: session.Transaction).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToAccount())];
    }

    public Task<UserAccount> RecordFailedSignInAsync(long userId, int maxFailures, DateTimeOffset lockedUntil, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        return session.WriteAsync(async transaction =>
        {
            // One statement: concurrent failures cannot both read the old count.
            var row = await session.Connection.QuerySingleOrDefaultAsync<UserRow>(
                """
                UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
                                 locked_until = CASE WHEN failed_sign_ins + 1 >= @maxFailures THEN @until ELSE locked_until END
                WHERE id = @userId
                RETURNING id AS Id, name AS Name, role AS Role, password_hash AS PasswordHash, failed_sign_ins AS FailedSignIns,
                          locked_until AS LockedUntil, last_sign_in_at AS LastSignInAt, created_at AS CreatedAt;
                """,
                new { userId, maxFailures, until = SqliteValues.Instant(lockedUntil) },
                transaction).ConfigureAwait(false);
            return row?.ToAccount() ?? throw new ArgumentException($"There is no account {userId}.", nameof(userId));
        }, cancellationToken);
    }

    public Task RecordSignInAsync(long userId, DateTimeOffset at, string? rehashedPassword = null, CancellationToken cancellationToken = default) =>
        session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                """
                UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = @at,
                                 password_hash = COALESCE(@rehashedPassword, password_hash)
                WHERE id = @userId;
                """,
                new { userId, at = SqliteValues.Instant(at), rehashedPassword },
                transaction),
            cancellationToken);

    /// <summary>A <c>users</c> row.</summary>
    private sealed class UserRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string Role { get; set; } = "";

        public string PasswordHash { get; set; } = "";

        public long FailedSignIns { get; set; }

        public string? LockedUntil { get; set; }

        public string? LastSignInAt { get; set; }

        public string CreatedAt { get; set; } = "";

        public UserAccount ToAccount() => new(
            Id,
            Name,
            UserAccountRules.ReadRole(Role),
            PasswordHash,
            (int)FailedSignIns,
            SqliteValues.ReadInstantOrNull(LockedUntil),
            SqliteValues.ReadInstantOrNull(LastSignInAt),
            SqliteValues.ReadInstant(CreatedAt));
    }
}
