using System.Security.Cryptography;
using RecallHub.Host.CommandLine;

namespace RecallHub.Host.Demo;

/// <summary>
/// The dashboard account of <c>recallhub demo</c>: a pharmacist, created as <c>recallhub users add</c> would, with a
/// password made for this run and printed once, so that a newcomer can sign in and acknowledge a recall.
/// </summary>
internal static class DemoAccount
{
    public const string Name = "pharmacienne";

    // No look-alike characters: the password is read off a terminal and typed in a browser.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Creates the account in the demo's store; returns its password, or <see langword="null"/> when it failed (said in <paramref name="error"/>).</summary>
    public static async Task<string?> CreateAsync(string databasePath, TimeProvider time, TextWriter error)
    {
        string password = RandomNumberGenerator.GetString(Alphabet, 16);
        int exit = await RecallHubCommandLine.RunAsync(
            ["users", "add", Name, "--role", "pharmacist", "--database", databasePath],
            new StringReader(password + "\n"),
            TextWriter.Null,
            error,
            time).ConfigureAwait(false);
        return exit == 0 ? password : null;
    }
}
