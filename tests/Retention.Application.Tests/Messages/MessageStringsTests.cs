using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Retention.Application.Messages.Templates;
using Retention.Application.Messages.Templates.Strings;

namespace Retention.Application.Tests.Messages;

/// <summary>Checks every string of every language file, through every branch (singular and plural, with and without a name).</summary>
public sealed partial class MessageStringsTests
{
    // Settings, not wording.
    private static readonly HashSet<string> NotWording =
        new(StringComparer.Ordinal) { nameof(IMessageStrings.Language), nameof(IMessageStrings.DefaultCulture), nameof(IMessageStrings.FontFamily), nameof(IMessageStrings.DatePattern) };

    [Theory]
    [InlineData("hi")]
    [InlineData("fa")]
    [InlineData("gu")]
    [InlineData("bn")]
    public void EveryString_NonEnglishLanguage_IsInItsScriptWithNoEnglishLeft(string language)
    {
        var strings = TemplateLocale.Languages.Single(l => l.Language == language);
        var script = CustomerEmailComposerTests.Script(language);

        var checkedCount = 0;
        foreach (var (member, text) in Render(strings))
        {
            Assert.True(script.IsMatch(text), $"{language}.{member}: '{text}' has no {language} letters");
            // The slots are single letters and digits, so any Latin word is untranslated English.
            Assert.False(LatinWord().IsMatch(text), $"{language}.{member}: '{text}' contains Latin words");
            Assert.DoesNotContain('{', text);
            checkedCount++;
        }
        Assert.True(checkedCount > 80, $"only {checkedCount} strings checked");
    }

    [Fact]
    public void EveryString_English_HasNoOtherScript()
    {
        foreach (var (member, text) in Render(new En()))
        {
            Assert.True(LatinWord().IsMatch(text), $"en.{member}: '{text}'");
            Assert.DoesNotMatch("[\u0600-\u0AFF]", text);
        }
    }

    [Fact]
    public void Persian_UsesPersianLettersAndPunctuation()
    {
        var texts = Render(new Fa()).Select(r => r.Text).ToList();

        Assert.DoesNotContain(texts, t => t.Contains('\u064A', StringComparison.Ordinal) || t.Contains('\u0643', StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(", ", StringComparison.Ordinal) || t.Contains('"', StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains('«', StringComparison.Ordinal));
    }

    [Fact]
    public void Languages_AreTheFiveWeWriteIn()
    {
        Assert.Equal(["en", "hi", "fa", "gu", "bn"], TemplateLocale.Languages.Select(l => l.Language));
        Assert.All(TemplateLocale.Languages, l => Assert.False(CultureInfo.GetCultureInfo(l.DefaultCulture).IsNeutralCulture));
    }

    private static List<(string Member, string Text)> Render(IMessageStrings strings)
    {
        var results = new List<(string, string)>();
        foreach (var property in typeof(IMessageStrings).GetProperties().Where(p => p.PropertyType == typeof(string) && !NotWording.Contains(p.Name)))
        {
            results.Add((property.Name, (string)property.GetValue(strings)!));
        }
        foreach (var method in typeof(IMessageStrings).GetMethods().Where(m => !m.IsSpecialName && m.ReturnType == typeof(string) && !NotWording.Contains(m.Name)))
        {
            foreach (var arguments in Arguments(method))
            {
                results.Add(($"{method.Name}({string.Join(", ", arguments)})", (string)method.Invoke(strings, arguments)!));
            }
        }
        return results;
    }

    /// <summary>Every combination the templates branch on: one and many, a name and none.</summary>
    private static IEnumerable<object?[]> Arguments(MethodInfo method)
    {
        IEnumerable<object?[]> combinations = [[]];
        foreach (var parameter in method.GetParameters())
        {
            object?[] choices = parameter.ParameterType switch
            {
                var t when t == typeof(Count) => [new Count(1, "1"), new Count(5, "5"), new Count(0, "0")],
                var t when t == typeof(IReadOnlyList<string>) => [new[] { "A", "B" }, new[] { "A", "B", "C" }],
                var t when t == typeof(string) && parameter.Name == "firstName" => ["A", null],
                var t when t == typeof(string) => ["X"],
                _ => throw new InvalidOperationException($"No sample for {parameter.ParameterType.Name} {parameter.Name}"),
            };
            combinations = combinations.SelectMany(c => choices.Select(choice => c.Append(choice).ToArray()));
        }
        return combinations;
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
