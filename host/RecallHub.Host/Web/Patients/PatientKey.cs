using RecallHub.Abstractions.Patients;

namespace RecallHub.Host.Web.Patients;

/// <summary>
/// The pharmacy's patient key (<c>Hub:PatientIdentityKey</c>, base64 of 32 bytes, from appsettings.json or the
/// environment — never from the database): the host seals every patient identity with it the moment a scan is read.
/// </summary>
internal sealed class PatientKey
{
    /// <summary>The configuration key.</summary>
    public const string Setting = "Hub:PatientIdentityKey";

    private PatientKey(PatientIdentitySeal? seal) => Seal = seal;

    /// <summary>The seal, or <see langword="null"/> when no key is configured: then scans with a patient are refused.</summary>
    public PatientIdentitySeal? Seal { get; }

    /// <summary>Reads the key; a key that is set but wrong stops the hub at start.</summary>
    /// <exception cref="InvalidOperationException">Not base64 of 32 bytes (the message never shows the key).</exception>
    public static PatientKey From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Setting] is not { Length: > 0 } base64)
        {
            return new PatientKey(null);
        }

        try
        {
            return new PatientKey(PatientIdentitySeal.FromBase64(base64));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{Setting} is wrong: {e.Message}", e);
        }
    }
}
