namespace RecallHub.Host.Web.Security;

/// <summary>What an API key may do. <see cref="Admin"/> may do everything.</summary>
internal static class ApiScope
{
    /// <summary>Post pack scans (<c>POST /api/v1/scans</c>).</summary>
    public const string Scan = "scan";

    /// <summary>Ask whether a pack may leave (<c>POST /api/v1/check</c>).</summary>
    public const string Check = "check";

    /// <summary>Read and manage recalls, blocks and notices; implies every other scope.</summary>
    public const string Admin = "admin";

    public static readonly string[] All = [Scan, Check, Admin];
}
