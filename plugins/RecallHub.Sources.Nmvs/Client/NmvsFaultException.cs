namespace RecallHub.Sources.Nmvs.Client;

/// <summary>The national system answered with a SOAP fault carrying a return code.</summary>
internal sealed class NmvsFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NmvsFaultException(string returnCode, string message)
        : base($"{returnCode}: {message}") => ReturnCode = returnCode;

    /// <summary>The return code in the fault's detail.</summary>
    public string ReturnCode { get; }
}
