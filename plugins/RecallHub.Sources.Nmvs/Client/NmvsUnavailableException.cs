namespace RecallHub.Sources.Nmvs.Client;

/// <summary>
/// The national system could not be asked or did not answer usefully (network, TLS, timeout, 5xx, technical fault):
/// the packs stay queued and are asked again later.
/// </summary>
internal sealed class NmvsUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NmvsUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
