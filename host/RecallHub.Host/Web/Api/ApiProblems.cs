namespace RecallHub.Host.Web.Api;

/// <summary>The API's problem answers (RFC 9457 bodies), so that every endpoint words them alike.</summary>
internal static class ApiProblems
{
    /// <summary>Errors listed in one answer at most: a batch of 50 000 bad scans must not echo 50 000 messages.</summary>
    public const int MaxErrors = 100;

    /// <summary>
    /// <c>400</c>, a validation problem whose <c>errors</c> map each JSON path (or query parameter) to what is wrong
    /// there; the detail repeats the first ones in one sentence for logs that keep only the detail.
    /// </summary>
    public static IResult Invalid(string title, IReadOnlyList<(string Path, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byPath = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (path, message) in errors.Take(MaxErrors))
        {
            byPath[path] = byPath.TryGetValue(path, out var earlier) ? [.. earlier, message] : [message];
        }

        string detail = string.Join(" ", errors.Take(3).Select(e => $"{e.Path}: {e.Message}"))
            + (errors.Count > 3 ? $" (and {errors.Count - 3} more{(errors.Count > MaxErrors ? $"; the first {MaxErrors} are listed" : "")})" : "");
        return Results.ValidationProblem(byPath, detail: detail, title: title);
    }

    /// <summary><c>404</c>: there is nothing with this id.</summary>
    public static IResult NotFound(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
