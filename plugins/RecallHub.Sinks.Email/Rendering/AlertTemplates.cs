using RecallHub.Abstractions.Plugins;
using Scriban;
using Scriban.Runtime;

namespace RecallHub.Sinks.Email.Rendering;

/// <summary>
/// The Scriban templates of the recall alert — subject, HTML and plain text — parsed once at start so that a broken
/// template stops the plugin with the file and line, not a message later.
/// </summary>
internal sealed class AlertTemplates
{
    public const string SubjectFile = "recall-alert.subject.scriban";
    public const string HtmlFile = "recall-alert.html.scriban";
    public const string TextFile = "recall-alert.txt.scriban";

    private readonly Template _subject;
    private readonly Template _html;
    private readonly Template _text;

    private AlertTemplates(Template subject, Template html, Template text) => (_subject, _html, _text) = (subject, html, text);

    /// <summary>Reads the three templates from <paramref name="folder"/>.</summary>
    /// <exception cref="PluginConfigurationException">A template is missing or does not parse.</exception>
    public static AlertTemplates Load(string folder, string pluginId) =>
        new(Parse(folder, SubjectFile, pluginId), Parse(folder, HtmlFile, pluginId), Parse(folder, TextFile, pluginId));

    public string Subject(AlertView view) => Render(_subject, view).ReplaceLineEndings(" ").Trim();

    public string Html(AlertView view) => Render(_html, view);

    public string Text(AlertView view) => Render(_text, view);

    private static Template Parse(string folder, string file, string pluginId)
    {
        string path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new PluginConfigurationException($"Plugin '{pluginId}': template '{path}' does not exist (setting 'templates' names the folder).");
        }

        var template = Template.Parse(File.ReadAllText(path), path);
        return template.HasErrors
            ? throw new PluginConfigurationException($"Plugin '{pluginId}': template '{path}' does not parse: {string.Join("; ", template.Messages)}")
            : template;
    }

    private static string Render(Template template, AlertView view)
    {
        // Strict: a misspelt variable is an error, not an empty gap in a message about a recall.
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default, LoopLimit = 10_000 };
        var globals = new ScriptObject();
        globals.Import(view, renamer: StandardMemberRenamer.Default);
        context.PushGlobal(globals);
        return template.Render(context);
    }
}
