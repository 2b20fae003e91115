using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Host.CommandLine;

/// <summary>Writes what <c>recallhub parse</c> read, for people or for programs.</summary>
internal interface IReadingWriter
{
    Task WriteAsync(BarcodeReading reading, CancellationToken cancellationToken);
}
