using System.CommandLine;
using System.Globalization;
using RecallHub.Core.Storage;
using RecallHub.Host.Web.Dashboard;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub users add NAME --role ROLE</c> (password read from standard input) and <c>recallhub users list</c>:
/// the dashboard's local accounts. Creating an account is audited. Accounts are a pharmacy's: in a multi-pharmacy hub
/// both take <c>--pharmacy FINESS</c>, and the person signs in with that FINESS number.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(TextReader input, TimeProvider time)
    {
        var name = new Argument<string>("NAME") { Description = "The person's name: how they sign in, and how every step they take is recorded." };
        var role = new Option<string>("--role")
        {
            Description = "pharmacist (acts on recalls, lifts blocks, reads implants), assistant (reads, acknowledges) or admin (reads, manages accounts).",
            Required = true,
        };
        role.AcceptOnlyFromAmong("pharmacist", "assistant", "admin");
        var database = DatabaseOption.Create();
        var pharmacy = PharmacyOption.Create("the pharmacy the account belongs to");
        var add = new Command("add", "Create an account; the password is read from standard input (first line).") { name, role, database, pharmacy };
        add.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            string? password = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (DashboardPasswords.Problem(password) is { } problem)
            {
                await error.WriteLineAsync($"recallhub users add: {problem} (give it on standard input).").ConfigureAwait(false);
                return RecallHubCommandLine.UsageError;
            }

            var userRole = Enum.Parse<UserRole>(result.GetValue(role)!, ignoreCase: true);
            return await StoreAccess.RunAsync(result.GetValue(database)!, result.GetValue(pharmacy), shared: false, time, error, "users add", async session =>
            {
                string who = result.GetValue(name)!;
                try
                {
                    var now = time.GetUtcNow();
                    await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    long id = await session.Users.AddAsync(who, userRole, DashboardPasswords.Hash(password!), now, cancellationToken).ConfigureAwait(false);
                    await session.Audit.AppendAsync(new AuditEntry(now, "recallhub users", "user.created", $"user:{who.Trim()}", $"role={RoleName(userRole)}; id={id.ToString(CultureInfo.InvariantCulture)}"), cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    string of = session.Scope.Finess is { } finess ? $" for pharmacy {finess}" : "";
                    await result.InvocationConfiguration.Output.WriteLineAsync($"Account '{who.Trim()}' created ({RoleName(userRole)}){of}.").ConfigureAwait(false);
                    return 0;
                }
                catch (ArgumentException e)
                {
                    await error.WriteLineAsync($"recallhub users add: {e.Message}").ConfigureAwait(false);
                    return 1;
                }
            }, cancellationToken).ConfigureAwait(false);
        });

        var listDatabase = DatabaseOption.Create();
        var listPharmacy = PharmacyOption.Create("whose accounts to list");
        var list = new Command("list", "List the accounts with their role and last sign-in.") { listDatabase, listPharmacy };
        list.SetAction(async (result, cancellationToken) =>
            await StoreAccess.RunAsync(result.GetValue(listDatabase)!, result.GetValue(listPharmacy), shared: false, time, result.InvocationConfiguration.Error, "users list", async session =>
            {
                var output = result.InvocationConfiguration.Output;
                var now = time.GetUtcNow();
                var accounts = await session.Users.ListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var account in accounts)
                {
                    string last = account.LastSignInAt is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never signed in";
                    string locked = account.IsLockedAt(now) ? $"  LOCKED until {account.LockedUntil:yyyy-MM-dd HH:mm} UTC" : "";
                    await output.WriteLineAsync($"{account.Name,-24} {RoleName(account.Role),-10} {last}{locked}").ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{accounts.Count} account(s).").ConfigureAwait(false);
                return 0;
            }, cancellationToken).ConfigureAwait(false));
        return new Command("users", "The dashboard's local accounts.") { add, list };
    }

    public static string RoleName(UserRole role) => role.ToString().ToLowerInvariant();
}
