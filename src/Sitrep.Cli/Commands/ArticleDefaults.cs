using System.Diagnostics.CodeAnalysis;
using Sitrep.Articles;
using Sitrep.Documents;

namespace Sitrep.Cli.Commands;

/// <summary>
/// What <c>--published</c> and <c>--lang</c> give: values for articles that do not carry their own
/// (a JSON Lines line or an HTML page's meta tags win over them).
/// </summary>
internal sealed record ArticleDefaults(PublicationDate? Published, string? Language)
{
    public static bool TryCreate(string? published, string? lang, [NotNullWhen(true)] out ArticleDefaults? defaults, [NotNullWhen(false)] out string? error)
    {
        defaults = null;
        PublicationDate? date = null;
        if (published is not null)
        {
            if (!PublicationDate.TryParse(published, out PublicationDate parsed))
            {
                error = $"--published: not a date: '{published}' (expected ISO 8601, e.g. 2022-05-14)";
                return false;
            }

            date = parsed;
        }

        if (lang is not null && LanguageCodes.Normalize(lang) is null)
        {
            error = $"--lang: not an ISO 639-1 code: '{lang}' (e.g. fr, en)";
            return false;
        }

        defaults = new ArticleDefaults(date, lang);
        error = null;
        return true;
    }

    public Article ApplyTo(Article article) =>
        article with { Published = article.Published ?? Published, Language = article.Language ?? Language };
}
