using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecallHub.Sources.Nmvs.Client;

namespace RecallHub.Nmvs.Simulation;

/// <summary>
/// A running simulator: Kestrel on 127.0.0.1 over TLS, refusing any connection without a client certificate that
/// chains to the configured CA or has an allowed thumbprint; the client certificate's common name is the pharmacy's
/// location (the undo rule compares it).
/// </summary>
public sealed class NmvsSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NmvsSimulator(WebApplication app, PackRegistry packs, Uri endpoint)
    {
        _app = app;
        Packs = packs;
        Endpoint = endpoint;
    }

    /// <summary>The SOAP endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The packs and their states.</summary>
    public PackRegistry Packs { get; }

    /// <summary>Starts a simulator.</summary>
    /// <param name="options">Certificates and port.</param>
    /// <param name="packs">The packs it serves.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<NmvsSimulator> StartAsync(NmvsSimulatorOptions options, PackRegistry packs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(packs);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = options.ServerCertificate;
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.ClientCertificateValidation = (certificate, _, _) => IsAllowed(options, certificate);
                });
            });
        });

        var app = builder.Build();
        app.MapPost(options.Path, (Delegate)(async (HttpContext http) => await AnswerAsync(http, packs).ConfigureAwait(false)));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Urls.Select(u => new Uri(u)).First();
        var endpoint = new UriBuilder(Uri.UriSchemeHttps, "localhost", address.Port, options.Path).Uri;
        return new NmvsSimulator(app, packs, endpoint);
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static bool IsAllowed(NmvsSimulatorOptions options, X509Certificate2 certificate)
    {
        if (options.ClientThumbprints.Contains(certificate.Thumbprint, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (options.ClientCa is not { } ca)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        return chain.Build(certificate);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, PackRegistry packs)
    {
        using var reader = new StreamReader(http.Request.Body);
        string body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        NmvsRequest request;
        try
        {
            request = NmvsSoapEnvelope.ReadRequest(body);
        }
        catch (FormatException e)
        {
            return Results.Content(NmvsSoapEnvelope.WriteFault("NMVS_TE_XM_01", e.Message, clientError: true), NmvsSoapEnvelope.ContentType, statusCode: 500);
        }

        // The location is the pharmacy the certificate was issued to.
        var certificate = await http.Connection.GetClientCertificateAsync(http.RequestAborted).ConfigureAwait(false);
        string location = certificate?.GetNameInfo(X509NameType.SimpleName, forIssuer: false) ?? "unknown";
        var response = packs.Handle(request, location);
        return Results.Content(NmvsSoapEnvelope.WriteResponse(response), NmvsSoapEnvelope.ContentType);
    }
}
