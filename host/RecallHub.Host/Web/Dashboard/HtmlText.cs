using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>The dashboard's HTML encoder: markup characters escaped, French letters kept readable in the source.</summary>
internal static class HtmlText
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}
