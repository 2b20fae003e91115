using System.Net;
using System.Text;
using RecallHub.Sources.Nmvs.Codes;

namespace RecallHub.Sources.Nmvs.Client;

/// <summary>Talks SOAP over HTTPS to the national system, or to the pharmacists' connector, through one <see cref="HttpClient"/>.</summary>
/// <param name="http">A client whose handler carries the pharmacy's certificate (direct mode) or none (connector mode).</param>
/// <param name="endpoint">The service's URL.</param>
/// <param name="userId">The pharmacy's user id, if the mode needs one.</param>
/// <param name="password">Its password, if any.</param>
internal sealed class NmvsClient(HttpClient http, Uri endpoint, string? userId, string? password) : INmvsClient
{
    public Task<NmvsPackResult> VerifyAsync(NmvsPack pack, CancellationToken cancellationToken) =>
        SingleAsync(NmvsOperation.VerifyPack, pack, cancellationToken);

    public Task<NmvsPackResult> DispenseAsync(NmvsPack pack, CancellationToken cancellationToken) =>
        SingleAsync(NmvsOperation.DispensePack, pack, cancellationToken);

    public Task<NmvsPackResult> UndoDispenseAsync(NmvsPack pack, CancellationToken cancellationToken) =>
        SingleAsync(NmvsOperation.UndoDispensePack, pack, cancellationToken);

    public Task<IReadOnlyList<NmvsPackResult>> VerifyBulkAsync(IReadOnlyList<NmvsPack> packs, CancellationToken cancellationToken) =>
        SendAsync(NmvsOperation.VerifyPacks, packs, cancellationToken);

    public Task<IReadOnlyList<NmvsPackResult>> DispenseBulkAsync(IReadOnlyList<NmvsPack> packs, CancellationToken cancellationToken) =>
        SendAsync(NmvsOperation.DispensePacks, packs, cancellationToken);

    public Task<IReadOnlyList<NmvsPackResult>> UndoDispenseBulkAsync(IReadOnlyList<NmvsPack> packs, CancellationToken cancellationToken) =>
        SendAsync(NmvsOperation.UndoDispensePacks, packs, cancellationToken);

    private async Task<NmvsPackResult> SingleAsync(NmvsOperation operation, NmvsPack pack, CancellationToken cancellationToken)
    {
        var results = await SendAsync(operation, [pack], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    private async Task<IReadOnlyList<NmvsPackResult>> SendAsync(NmvsOperation operation, IReadOnlyList<NmvsPack> packs, CancellationToken cancellationToken)
    {
        var header = new NmvsRequestHeader(Guid.NewGuid().ToString("N"), userId) { Password = password };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(NmvsSoapEnvelope.WriteRequest(operation, header, packs), Encoding.UTF8, "text/xml"),
        };
        request.Headers.TryAddWithoutValidation("SOAPAction", NmvsSoapEnvelope.SoapAction(operation));

        string body;
        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NmvsUnavailableException($"The national system at {endpoint} could not be reached: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NmvsUnavailableException($"The national system at {endpoint} did not answer within {http.Timeout.TotalSeconds:0} s.", e);
        }

        NmvsResponse answer;
        try
        {
            answer = NmvsSoapEnvelope.ReadResponse(body, operation);
        }
        catch (NmvsFaultException e)
        {
            // A fault is the system speaking about the whole request: technical, authentication or certificate.
            throw new NmvsUnavailableException($"The national system refused the request ({(int)status}): {e.Message} — {NmvsReturnCodes.Describe(e.ReturnCode).Sentence}", e);
        }
        catch (FormatException e)
        {
            throw new NmvsUnavailableException($"The national system's answer ({(int)status}) could not be read: {e.Message}", e);
        }

        if (answer.Results.Count != packs.Count)
        {
            throw new NmvsUnavailableException($"The national system answered {answer.Results.Count} packs for {packs.Count} asked ({answer.ReturnCode}).");
        }

        return [.. answer.Results.Select(r => r with { RawResponse = body })];
    }
}
