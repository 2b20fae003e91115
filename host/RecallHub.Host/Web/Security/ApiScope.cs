namespace RecallHub.Host.Web.Security;

/// <summary>What an API key may do. <see cref="Admin"/> may do everything except read patients (<see cref="Patients"/>).</summary>
internal static class ApiScope
{
    /// <summary>Post pack scans (<c>POST /api/v1/scans</c>).</summary>
    public const string Scan = "scan";

    /// <summary>Ask whether a pack may leave (<c>POST /api/v1/check</c>).</summary>
    public const string Check = "check";

    /// <summary>Read and manage recalls, blocks and notices; implies every other scope but <see cref="Patients"/>.</summary>
    public const string Admin = "admin";

    /// <summary>
    /// Ask plugins' queries (<c>GET /api/v1/plugins/{id}/queries/…</c>), which may reveal who received which device.
    /// Not implied by <see cref="Admin"/>: patient data needs a key given this scope on purpose.
    /// </summary>
    public const string Patients = "patients";

    public static readonly string[] All = [Scan, Check, Admin, Patients];

    /// <summary>Whether <see cref="Admin"/> satisfies <paramref name="scope"/>.</summary>
    public static bool AdminImplies(string scope) => scope != Patients;
}
