using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Sitrep.Duplicates;

namespace Sitrep.Storage;

/// <summary>
/// How a store merges the events several articles report (issue 9), the same way in every backend: each stored event
/// keeps its report (<see cref="EventReport"/>, in <see cref="Encode"/>'s form) and the first day of its days. At
/// ingest, a new article's reports are compared with the merged events already stored (<see cref="StoredEventRoot"/>:
/// each event's first report, the root) whose first day lies in <see cref="CandidateDays"/>, and
/// <see cref="Plan"/> decides with <see cref="EventMerger"/>'s rules which one each report joins. A report that joins
/// one is stored with the root's article and event id; a root is stored with none.
/// </summary>
public static class EventLinks
{
    private const char Field = '\u001f', Item = '\u001e';

    /// <summary>The rules stores merge by.</summary>
    public static EventMergeRules Rules => EventMergeRules.Default;

    /// <summary>
    /// The first days a stored root's report may have and still meet <paramref name="report"/> under the rules (its own
    /// span at most <see cref="EventMergeRules.MaxSpanDays"/>, either side dated by publication): null when the report
    /// merges with nothing (undated, or dated by a month or a year).
    /// </summary>
    /// <param name="report">A report with its days.</param>
    public static (DateOnly From, DateOnly To)? CandidateDays(EventReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!CanMerge(report))
        {
            return null;
        }

        TimexRange days = report.Days!.Value;
        int back = Rules.PublicationSlackDays + Rules.MaxDaysApart + Rules.MaxSpanDays, ahead = Rules.PublicationSlackDays + Rules.MaxDaysApart;
        return (days.First.AddDays(-back), days.Last.AddDays(ahead));
    }

    /// <summary>Whether the rules can merge <paramref name="report"/> with anything: it has days, a week at most.</summary>
    /// <param name="report">A report.</param>
    public static bool CanMerge(EventReport report) =>
        report?.Days is { } days && days.Last.DayNumber - days.First.DayNumber <= Rules.MaxSpanDays;

    /// <summary>The report as a store keeps it (the article and event ids are the row's own).</summary>
    /// <param name="report">A report.</param>
    public static string Encode(EventReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(128);
        void Add(string? value) => text.Append(Clean(value)).Append(Field);
        void AddList(ImmutableArray<string> values) => text.AppendJoin(Item, values.IsDefault ? [] : values.Select(Clean)).Append(Field);
        Add(report.Type);
        Add(report.Mode);
        Add(report.Modality);
        Add(report.Days?.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(report.Days?.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(report.DatedByPublication ? "1" : "0");
        Add(report.Lat?.ToString("R", CultureInfo.InvariantCulture));
        Add(report.Lon?.ToString("R", CultureInfo.InvariantCulture));
        Add(report.Country);
        Add(report.BroadPlace ? "1" : "0");
        AddList(report.ActorCountries);
        AddList(report.RecipientCountries);
        Add(report.Trigger);
        AddList(report.Names);
        return text.ToString(0, text.Length - 1);
    }

    /// <summary>Reads back what <see cref="Encode"/> wrote.</summary>
    /// <param name="articleId">The id the report is compared under (a store passes its article key).</param>
    /// <param name="eventId">The event's id in its article.</param>
    /// <param name="text">The encoded report.</param>
    public static EventReport Decode(string articleId, string eventId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] f = text.Split(Field);
        if (f.Length != 14)
        {
            throw new FormatException($"stored event report of {articleId}/{eventId} has {f.Length} fields, not 14");
        }

        static string? Text(string value) => value.Length == 0 ? null : value;
        static double? Number(string value) => value.Length == 0 ? null : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        static DateOnly Day(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        static ImmutableArray<string> List(string value) => value.Length == 0 ? [] : [.. value.Split(Item)];
        return new EventReport
        {
            ArticleId = articleId,
            EventId = eventId,
            Type = f[0],
            Mode = Text(f[1]),
            Modality = f[2],
            Days = f[3].Length == 0 ? null : new TimexRange(Day(f[3]), Day(f[4])),
            DatedByPublication = f[5] == "1",
            Lat = Number(f[6]),
            Lon = Number(f[7]),
            Country = Text(f[8]),
            BroadPlace = f[9] == "1",
            ActorCountries = List(f[10]),
            RecipientCountries = List(f[11]),
            Trigger = Text(f[12]),
            Names = List(f[13]),
        };
    }

    /// <summary>
    /// Decides the links of one article being stored: first the reports that were merged into a replaced predecessor's
    /// events (<paramref name="orphans"/>), each in arrival order joining an earlier root or becoming one, then the
    /// article's own reports, in document order. Never two reports of one article in one
    /// event. Returns the root each orphan and each report joins, or null when it is a root itself.
    /// </summary>
    /// <param name="reports">The new article's reports, in document order (their article id is not compared with stored ones).</param>
    /// <param name="roots">Stored roots of the reports' types in their windows, of other articles, with the articles of their reports.</param>
    /// <param name="orphans">Stored reports of other articles whose root is being replaced; empty for a new article.</param>
    public static (IReadOnlyList<StoredEventRoot?> Orphans, IReadOnlyList<StoredEventRoot?> Reports) Plan(
        IReadOnlyList<EventReport> reports, IReadOnlyList<StoredEventRoot> roots, IReadOnlyList<StoredEventRoot> orphans)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(orphans);
        var merger = new EventMerger(Rules);

        // The merged events as the merger sees them: the first report compared under its article key, the articles of
        // all its reports, in arrival order (the earliest wins a tie).
        var events = new List<(StoredEventRoot Root, MergedEvent Event)>();
        foreach (StoredEventRoot root in roots.Concat(orphans).OrderBy(r => r.ArticleKey).ThenBy(r => r.Position).ThenBy(r => r.EventId, StringComparer.Ordinal))
        {
            var articles = new HashSet<string>(root.Members.Select(Key), StringComparer.Ordinal) { Key(root.ArticleKey) };
            events.Add((root, new MergedEvent(root.Report with { ArticleId = Key(root.ArticleKey) }, root.ArticleId + "/" + root.EventId, articles)));
        }

        MergedEvent? Join(EventReport report, Func<StoredEventRoot, bool> candidate) => CanMerge(report)
            ? merger.Join(report, events.Where(e => e.Root.Report.Type == report.Type && candidate(e.Root)).Select(e => e.Event))
            : null;
        StoredEventRoot RootOf(MergedEvent merged) => events.First(e => ReferenceEquals(e.Event, merged)).Root;
        static bool Before(StoredEventRoot a, StoredEventRoot b) =>
            a.ArticleKey != b.ArticleKey ? a.ArticleKey < b.ArticleKey
            : a.Position != b.Position ? a.Position < b.Position : string.CompareOrdinal(a.EventId, b.EventId) < 0;

        // Each orphan, in arrival order, joins an event that arrived before it, as if the articles had come again
        // without the replaced one; else it is a root now (and a later orphan may join it).
        var orphanLinks = new StoredEventRoot?[orphans.Count];
        foreach ((StoredEventRoot orphan, int i) in orphans.Select((o, i) => (o, i)).OrderBy(o => o.o.ArticleKey).ThenBy(o => o.o.Position).ThenBy(o => o.o.EventId, StringComparer.Ordinal))
        {
            MergedEvent? target = Join(orphan.Report with { ArticleId = Key(orphan.ArticleKey) }, root => Before(root, orphan));
            if (target is not null)
            {
                target.Articles.Add(Key(orphan.ArticleKey));
                orphanLinks[i] = RootOf(target);
                events.RemoveAll(e => ReferenceEquals(e.Root, orphan));
            }
        }

        var links = new StoredEventRoot?[reports.Count];
        const string self = "new";
        for (int i = 0; i < reports.Count; i++)
        {
            MergedEvent? target = Join(reports[i] with { ArticleId = self }, _ => true);
            if (target is not null)
            {
                target.Articles.Add(self);
                links[i] = RootOf(target);
            }
        }

        return (orphanLinks, links);
    }

    private static string Key(long articleKey) => articleKey.ToString(CultureInfo.InvariantCulture);

    private static string Clean(string? value) =>
        value is null ? "" : value.Replace(Field, ' ').Replace(Item, ' ');
}

/// <summary>
/// A stored event as <see cref="EventLinks.Plan"/> compares it: where it is (article key and id, event id, trigger
/// offset for arrival order), its report, and the article keys of the reports merged into it.
/// </summary>
public sealed record StoredEventRoot(long ArticleKey, string ArticleId, string EventId, int Position, EventReport Report, ImmutableArray<long> Members);
