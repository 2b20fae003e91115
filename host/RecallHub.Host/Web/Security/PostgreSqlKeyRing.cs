using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace RecallHub.Host.Web.Security;

/// <summary>
/// The ASP.NET Core data-protection key ring kept in the hub's PostgreSQL database, so that every host behind the
/// reverse proxy reads the dashboard's sign-in cookies and anti-forgery tokens that any other host wrote.
/// </summary>
/// <remarks>
/// The table, <c>data_protection_keys</c>, is created by the PostgreSQL store's migrations. Keys are stored as ASP.NET writes them (on Linux, not encrypted at rest, as in its default file folder): the
/// database's access rights protect them, like the pharmacies' data next to them.
/// </remarks>
internal sealed class PostgreSqlKeyRing(string connectionString) : IXmlRepository
{
    // IXmlRepository is synchronous; it is called at start and when a key is created (every 90 days).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY stored_at, friendly_name;", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO NOTHING;",
            connection);
        command.Parameters.AddWithValue("name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }
}
