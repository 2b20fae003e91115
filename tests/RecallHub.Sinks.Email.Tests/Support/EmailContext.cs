using RecallHub.Plugins.Testing;

namespace RecallHub.Sinks.Email.Tests.Support;

/// <summary>The e-mail sink's context from the plugin test kit: the settings given, SMTP_TEST_PASSWORD set, the tests' clock.</summary>
internal static class EmailContext
{
    public static TestPluginContext Create(string settingsJson, InMemoryPluginState? state = null) =>
        new TestPluginContext("email", Some.Clock(), state).WithSettings(settingsJson).WithSecret("SMTP_TEST_PASSWORD", "secret");
}
