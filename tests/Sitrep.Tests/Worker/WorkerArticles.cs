using System.Globalization;
using Sitrep.Articles;

namespace Sitrep.Tests.Worker;

/// <summary>Small distinct French articles with ids <c>{prefix}-{n}</c>, for the queue tests.</summary>
internal static class WorkerArticles
{
    public static Article Make(string prefix, int n)
    {
        string number = n.ToString(CultureInfo.InvariantCulture);
        return new Article
        {
            Id = $"{prefix}-{number}",
            Language = "fr",
            Published = new PublicationDate(new DateOnly(2023, 6, 5)),
            Text = $"Les pompiers sont intervenus {number} fois dans la commune numéro {number} après les fortes pluies de samedi. " +
                $"Le préfet a annoncé lundi que {number} habitants avaient été évacués. « La situation reste tendue », a-t-il déclaré.",
        };
    }
}
