using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.ImplantRegister.Tests.Support;

/// <summary>A plugin context held in memory: the settings given, the patient key in a fake environment, a fake clock, a collecting log.</summary>
internal sealed class TestPluginContext(string settingsJson, string patientKeyBase64, FakeTimeProvider clock) : IPluginContext
{
    public string PluginId => "implant-register";

    public PluginSettings Settings { get; } = new("implant-register", JsonDocument.Parse(settingsJson).RootElement.Clone(), name => name == "PATIENT_KEY" ? patientKeyBase64 : null);

    public CollectingLog Lines { get; } = new();

    public IPluginLog Log => Lines;

    public TimeProvider Time => clock;

    public IPluginStateStore State => throw new NotSupportedException("The register keeps its own database.");

    public HttpClient CreateHttpClient() => throw new NotSupportedException("The register makes no HTTP request.");

    internal sealed class CollectingLog : IPluginLog
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Write(PluginLogLevel level, string message, Exception? exception = null) => Lines.Enqueue($"{level}: {message}");
    }
}
