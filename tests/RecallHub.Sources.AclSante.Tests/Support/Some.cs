using Microsoft.Extensions.Time.Testing;

namespace RecallHub.Sources.AclSante.Tests.Support;

/// <summary>Test data builders.</summary>
public static class Some
{
    public const string TokenVariable = "ACL_SANTE_TOKEN";

    public const string Token = "acl-test-token-0123456789";

    public static readonly DateTimeOffset Now = new(2026, 7, 21, 8, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>A small readable notice of format acl-sante-fsn/1.</summary>
    public static string Notice(string reference, string updatedAt, int version = 1, string lots = "\"L1\"") =>
        $$"""
        {"reference": "{{reference}}", "fsn_type": "{{(version > 1 ? "follow_up" : "new")}}", "version": {{version}},
         "issue_date": "{{updatedAt[..10]}}", "updated_at": "{{updatedAt}}", "title": "Avis {{reference}}",
         "devices": [{"trade_name": "Dispositif {{reference}}", "udi_di": "08714729000013", "lots": [{{lots}}]}],
         "problem": "Défaut", "user_actions": ["quarantine_device"]}
        """;
}
