using Scriban;
using Scriban.Runtime;

namespace RecallHub.Host.Digest;

/// <summary>
/// The digest's Scriban templates — subject, HTML and plain text, from <c>templates/digest</c> beside the hub — parsed
/// once, so that a broken template is reported with its file and line when the hub starts, not at 07:30.
/// </summary>
internal sealed class DigestTemplates
{
    public const string SubjectFile = "digest.subject.scriban";
    public const string HtmlFile = "digest.html.scriban";
    public const string TextFile = "digest.txt.scriban";

    private readonly Template _subject;
    private readonly Template _html;
    private readonly Template _text;

    private DigestTemplates(Template subject, Template html, Template text) => (_subject, _html, _text) = (subject, html, text);

    /// <summary>The folder shipped beside the hub.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "templates", "digest");

    /// <summary>Reads the three templates from <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidOperationException">A template is missing or does not parse.</exception>
    public static DigestTemplates Load(string folder) => new(Parse(folder, SubjectFile), Parse(folder, HtmlFile), Parse(folder, TextFile));

    public string Subject(DigestView view) => Render(_subject, view).ReplaceLineEndings(" ").Trim();

    public string Html(DigestView view) => Render(_html, view);

    public string Text(DigestView view) => Render(_text, view);

    private static Template Parse(string folder, string file)
    {
        string path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The digest template '{path}' does not exist.");
        }

        var template = Template.Parse(File.ReadAllText(path), path);
        return template.HasErrors
            ? throw new InvalidOperationException($"The digest template '{path}' does not parse: {string.Join("; ", template.Messages)}")
            : template;
    }

    private static string Render(Template template, DigestView view)
    {
        // Strict: a misspelt variable is an error, not an empty gap in the pharmacy's morning mail.
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default, LoopLimit = 100_000 };
        var globals = new ScriptObject();
        globals.Import(view, renamer: StandardMemberRenamer.Default);
        context.PushGlobal(globals);
        return template.Render(context);
    }
}
