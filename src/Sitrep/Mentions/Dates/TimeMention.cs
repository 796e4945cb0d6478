using Sitrep.Documents;

namespace Sitrep.Mentions.Dates;

/// <summary>
/// A temporal expression in the text, resolved: its span, TIMEX3 type and normalised value ("2022-05-13",
/// "P2M", "2022-05-13TEV", "PAST_REF"), or a null value when it needs a reference date nobody gave.
/// <see cref="Modifier"/> is the TIMEX3 <c>mod</c> ("START" for «début juin», "APPROX" for «près de deux mois»).
/// </summary>
public sealed record TimeMention(TextSpan Span, TimexType Type, string? Value, string? Modifier = null);
