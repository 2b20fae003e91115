using Microsoft.Extensions.Time.Testing;

namespace RecallHub.Host.Tests.Support;

/// <summary>Test data that is valid unless a test says otherwise.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Today);

    /// <summary>A medicine pack's DataMatrix as typed on a command line, GS written as <c>\x1d</c>.</summary>
    public const string EscapedPack = @"]d2010340093027038717280229" + @"10A53014\x1d217GH29KXW41Q";

    /// <summary>The same pack as the scanner sends it.</summary>
    public const string Pack = "]d2010340093027038717280229" + "10A53014\u001d217GH29KXW41Q";
}
