using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>One TIMEX3 annotation: a span of the document's raw text with its type, value and modifier.</summary>
public sealed record Timex(TextSpan Span, string Type, string? Value, string? Modifier = null);

/// <summary>
/// A TimeML document: the raw text of its TEXT element (tags removed, entities decoded), its creation time
/// (the reference date), and the TIMEX3 annotations as spans of that text.
/// </summary>
public sealed record TimeMLDocument(string Id, string Text, DateOnly? CreationTime, ImmutableArray<Timex> Timexes);
