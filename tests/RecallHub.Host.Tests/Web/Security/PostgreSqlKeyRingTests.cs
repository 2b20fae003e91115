using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using RecallHub.Core.Storage.PostgreSql;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;
using RecallHub.Tests.PostgreSql;

namespace RecallHub.Host.Tests.Web.Security;

/// <summary>
/// Two hosts on one PostgreSQL store share the data-protection key ring: what one protects (a dashboard cookie, an
/// anti-forgery token) the other reads; a host on its own key ring cannot.
/// </summary>
public sealed class PostgreSqlKeyRingTests : IAsyncLifetime
{
    private const string Purpose = "RecallHub.Dashboard.Cookie";

    private readonly List<WebApplication> _apps = [];
    private string? _database;
    private PostgreSqlRecallHubStore? _store;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgreSqlServer.CreateDatabaseAsync();
        _store = await PostgreSqlRecallHubStore.OpenAsync(_database, Some.Clock(), Token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_database is not null)
        {
            await TestPostgreSqlServer.DropDatabaseAsync(_database);
        }
    }

    [Fact]
    public void WhatOneHostProtects_TheOtherReads()
    {
        var first = Protector(Host(sharedDatabase: true));
        var second = Protector(Host(sharedDatabase: true));

        string cookie = first.Protect("signed in: Claire Martin, 750712184");

        Assert.Equal("signed in: Claire Martin, 750712184", second.Unprotect(cookie));
    }

    [Fact]
    public void AHostOnItsOwnKeyRing_CannotReadTheOthers()
    {
        string cookie = Protector(Host(sharedDatabase: true)).Protect("signed in");

        Assert.ThrowsAny<CryptographicException>(() => Protector(Host(sharedDatabase: false)).Unprotect(cookie));
    }

    private WebApplication Host(bool sharedDatabase)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Pharmacies:0:Finess"] = "750712184",
        };
        if (sharedDatabase)
        {
            settings["Hub:Store:PostgreSql"] = _database;
        }

        var app = HubWebApplication.Build("http://127.0.0.1:0", Some.Clock(), configuration: settings, store: _store);
        _apps.Add(app);
        return app;
    }

    private static IDataProtector Protector(WebApplication app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
