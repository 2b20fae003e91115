namespace RecallHub.Core.Storage;

/// <summary>What every store checks of an account and how it writes a role.</summary>
internal static class UserAccountRules
{
    /// <summary>The longest name, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The trimmed name of a new account.</summary>
    /// <exception cref="ArgumentException">It is blank, too long or holds control characters.</exception>
    public static string Name(string name)
    {
        string trimmed = FreeText.Required(name, "name", "the person's name");
        return trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl)
            ? throw new ArgumentException($"'name' must be at most {MaxNameLength} printable characters.", nameof(name))
            : trimmed;
    }

    /// <summary>A role as stored.</summary>
    public static string RoleText(UserRole role) => role switch
    {
        UserRole.Assistant => "assistant",
        UserRole.Pharmacist => "pharmacist",
        UserRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    /// <summary>Reads a stored role; anything unknown gets the least rights.</summary>
    public static UserRole ReadRole(string text) => text switch { "pharmacist" => UserRole.Pharmacist, "admin" => UserRole.Admin, _ => UserRole.Assistant };
}
