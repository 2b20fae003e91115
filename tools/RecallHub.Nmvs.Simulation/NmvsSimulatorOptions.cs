using System.Security.Cryptography.X509Certificates;

namespace RecallHub.Nmvs.Simulation;

/// <summary>How the simulator runs.</summary>
public sealed record NmvsSimulatorOptions
{
    /// <summary>The server's certificate, with its private key.</summary>
    public required X509Certificate2 ServerCertificate { get; init; }

    /// <summary>The CA client certificates must chain to; <see langword="null"/> to rely on <see cref="ClientThumbprints"/> only.</summary>
    public X509Certificate2? ClientCa { get; init; }

    /// <summary>Client certificates accepted by thumbprint, besides those of <see cref="ClientCa"/>.</summary>
    public IReadOnlyCollection<string> ClientThumbprints { get; init; } = [];

    /// <summary>The port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The path the SOAP operations are served on; <c>/nmvs</c> by default.</summary>
    public string Path { get; init; } = "/nmvs";
}
