using System.Globalization;
using Sitrep.Articles;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Events;

/// <summary>One row of <c>Specs/Events/&lt;lang&gt;.md</c>: a passage and one event expected in it (type <c>-</c>: none at all).</summary>
public sealed record EventSpec(string Language, int Line, string Text, string Type, string Trigger, string Mode, string Modality,
    string Actors, string Recipients, string Place, string Date, string Dead, string Injured)
{
    public override string ToString() => $"{Language}:{Line}";

    public static IReadOnlyList<EventSpec> Load(string language)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Specs", "Events", language + ".md");
        var rows = new List<EventSpec>();
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            if (!raw.StartsWith("| ", StringComparison.Ordinal) || raw.StartsWith("| text |", StringComparison.Ordinal))
            {
                continue;
            }

            string[] c = [.. raw.Trim().Trim('|').Split('|').Select(x => x.Trim())];
            rows.Add(new EventSpec(language, line, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]));
        }

        return rows;
    }
}

/// <summary>
/// Scores the extractor on the event spec files, written blind to the lexicons: how many expected events are found
/// (trigger and type), how many of their checked fields are right, and how many no-event passages stay empty. Floors
/// keep what works from regressing; the printed misses say what does not work yet.
/// </summary>
public sealed class EventSpecTests(ITestOutputHelper helper)
{
    // SITREP_SPEC_REPORT=DIR also writes the report to DIR/events-<lang>.txt (the test output shows only on failure).
    private readonly List<string> _report = [];

    private static readonly DateOnly Published = new(2022, 5, 14);

    [Theory]
    [InlineData("fr", 0.74, 0.87, 0.80)]
    [InlineData("en", 0.85, 0.87, 0.55)]
    public void Spec_events_are_found_and_coded(string language, double foundFloor, double fieldFloor, double quietFloor)
    {
        var pipeline = new ExtractionPipelineBuilder().UseDefaults().Build();
        int expected = 0, found = 0, quiet = 0, quietRows = 0, fieldsChecked = 0, fieldsRight = 0;
        var perField = new SortedDictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        foreach (EventSpec spec in EventSpec.Load(language))
        {
            Document document = pipeline.Extract(new Article { Text = spec.Text, Language = language, Published = new PublicationDate(Published) }, TestContext.Current.CancellationToken);
            string all = string.Join(" ‖ ", document.Events.Select(e => Describe(document, e)));
            if (spec.Type == "-")
            {
                quietRows++;
                if (document.Events.IsEmpty)
                {
                    quiet++;
                }
                else
                {
                    Note($"{spec}: expected no event; found {all}");
                }

                continue;
            }

            expected++;
            int at = spec.Text.IndexOf(spec.Trigger, StringComparison.Ordinal);
            Event? match = document.Events.FirstOrDefault(e => e.Type == spec.Type && at >= 0 && e.Trigger.Start < at + spec.Trigger.Length && at < e.Trigger.End);
            if (match is null)
            {
                Note($"{spec}: missed {spec.Type} «{spec.Trigger}»; found {all}");
                continue;
            }

            found++;
            var misses = new List<string>();
            void Check(string field, string want, Func<string, bool> ok)
            {
                if (want == "*")
                {
                    return;
                }

                bool right = ok(want);
                (int r, int a) = perField.GetValueOrDefault(field);
                perField[field] = (r + (right ? 1 : 0), a + 1);
                fieldsChecked++;
                fieldsRight += right ? 1 : 0;
                if (!right)
                {
                    misses.Add(field + " want " + want);
                }
            }

            Check("mode", spec.Mode, w => w == (match.Mode ?? "-"));
            Check("modality", spec.Modality, w => w == match.Modality.ToString().ToLowerInvariant());
            Check("actors", spec.Actors, w => Participants(w, match.Actors));
            Check("recipients", spec.Recipients, w => Participants(w, match.Recipients));
            Check("place", spec.Place, w => w == "-" ? match.Location is null : match.Location is { } l && document[l.Span].Contains(w, StringComparison.Ordinal));
            Check("date", spec.Date, w => w == "-" ? match.Date?.Time is null : match.Date?.Value == w);
            Check("dead", spec.Dead, w => Count(w, match.Dead));
            Check("injured", spec.Injured, w => Count(w, match.Injured));
            if (misses.Count > 0)
            {
                Note($"{spec}: {string.Join("; ", misses)}; found {Describe(document, match)}");
            }
        }

        double foundRate = (double)found / expected, fieldRate = (double)fieldsRight / Math.Max(1, fieldsChecked), quietRate = (double)quiet / Math.Max(1, quietRows);
        Note(string.Create(CultureInfo.InvariantCulture, $"{language}: events found {found}/{expected} = {foundRate:P1}; checked fields right {fieldsRight}/{fieldsChecked} = {fieldRate:P1}; no-event passages quiet {quiet}/{quietRows}"));
        foreach ((string field, (int right, int all)) in perField)
        {
            Note(string.Create(CultureInfo.InvariantCulture, $"  {field}: {right}/{all}"));
        }

        if (Environment.GetEnvironmentVariable("SITREP_SPEC_REPORT") is { Length: > 0 } dir)
        {
            File.WriteAllLines(Path.Combine(dir, $"events-{language}.txt"), _report);
        }

        Assert.True(foundRate >= foundFloor, $"found {foundRate:P1} < {foundFloor:P0}");
        Assert.True(fieldRate >= fieldFloor, $"fields {fieldRate:P1} < {fieldFloor:P0}");
        Assert.True(quietRate >= quietFloor, $"quiet {quietRate:P1} < {quietFloor:P0}");
    }

    private void Note(string line)
    {
        _report.Add(line);
        helper.WriteLine(line);
    }

    private static string Describe(Document document, Event e) =>
        $"{e.Type}/{e.Mode ?? "-"} «{document[e.Trigger]}» {e.Modality.ToString().ToLowerInvariant()} A[{string.Join(" + ", e.Actors.Select(a => $"{a.Country ?? "?"}/{a.Sector ?? "?"}"))}]"
        + $" R[{string.Join(" + ", e.Recipients.Select(a => $"{a.Country ?? "?"}/{a.Sector ?? "?"}"))}] at {(e.Location is { } l ? document[l.Span] : "-")} on {e.Date?.Value ?? "-"}"
        + $" dead {e.Dead?.Best.ToString() ?? "-"} injured {e.Injured?.Best.ToString() ?? "-"}";

    /// <summary>Every expected COUNTRY/SECTOR is among the participants (<c>?</c> = null, <c>*</c> = any); <c>-</c>: none.</summary>
    private static bool Participants(string want, IReadOnlyList<EventParticipant> found)
    {
        if (want == "-")
        {
            return found.Count == 0;
        }

        return want.Split(" + ").All(code =>
        {
            string[] parts = code.Split('/');
            return found.Any(p => Part(parts[0], p.Country) && Part(parts.Length > 1 ? parts[1] : "*", p.Sector));
        });

        static bool Part(string want, string? value) => want == "*" || (want == "?" ? value is null : want == value);
    }

    private static bool Count(string want, Casualties? found)
    {
        if (want == "-")
        {
            return found is null;
        }

        if (found is null)
        {
            return false;
        }

        int dash = want.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            ? found.Low == int.Parse(want[..dash], CultureInfo.InvariantCulture) && found.High == int.Parse(want[(dash + 1)..], CultureInfo.InvariantCulture)
            : found.Best == int.Parse(want, CultureInfo.InvariantCulture) || found.Low == int.Parse(want, CultureInfo.InvariantCulture);
    }
}
