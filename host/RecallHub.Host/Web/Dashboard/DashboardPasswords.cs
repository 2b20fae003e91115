using Microsoft.AspNetCore.Identity;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// Password hashing for dashboard accounts with the framework's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted,
/// format versioned so that stronger settings rehash on the next sign-in).
/// </summary>
internal static class DashboardPasswords
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinLength = 10;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verified against when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, "decoy-password-never-used");

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Checks a password; <paramref name="rehashed"/> is a new hash to store when the old format is outdated.</summary>
    public static bool Verify(UserAccount? account, string password, out string? rehashed)
    {
        rehashed = null;
        var outcome = Hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? DecoyHash, password);
        if (account is null || outcome == PasswordVerificationResult.Failed)
        {
            return false;
        }

        if (outcome == PasswordVerificationResult.SuccessRehashNeeded)
        {
            rehashed = Hash(password);
        }

        return true;
    }

    /// <summary>Why a password is refused, or <see langword="null"/> when it will do.</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "the password is empty"
        : password.Length < MinLength ? $"the password has {password.Length} characters; at least {MinLength} are needed"
        : null;
}
