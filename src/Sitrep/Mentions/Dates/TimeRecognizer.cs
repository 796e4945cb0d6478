using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Documents;

namespace Sitrep.Mentions.Dates;

/// <summary>A temporal expression found in the text, not yet resolved against a reference date.</summary>
public readonly record struct RecognizedTime(TextSpan Span, TimeExpression Expression);

/// <summary>
/// Finds temporal expressions and reads what they say, without resolving them: «vendredi (13 mai)» is
/// Friday 13 May of an unknown year, «la semaine dernière» one week back. One grammar for every language;
/// the words come from the language's <see cref="ITimeRules"/>. Thread-safe.
/// </summary>
public sealed class TimeRecognizer(ITimeRules rules)
{
    public ITimeRules Rules { get; } = rules ?? throw new ArgumentNullException(nameof(rules));

    public ImmutableArray<RecognizedTime> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TimeToken[] tokens = TimeTokenizer.Tokenize(text, Rules);
        var grammar = new Grammar(text, tokens, Rules);
        var results = ImmutableArray.CreateBuilder<RecognizedTime>();
        int i = 0;
        while (i < tokens.Length)
        {
            if (grammar.TryParse(i, out int end, out TimeExpression? expression))
            {
                expression = grammar.WithTense(i, end, expression);
                results.Add(new RecognizedTime(TextSpan.FromBounds(tokens[i].Start, tokens[end - 1].End), expression));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return results.ToImmutable();
    }

    /// <summary>The productions of the temporal grammar over one text's tokens.</summary>
    private sealed class Grammar(string text, TimeToken[] tokens, ITimeRules rules)
    {
        private readonly TimeLexicon _lexicon = rules.Lexicon;
        private readonly int _count = tokens.Length;

        public bool TryParse(int i, out int end, out TimeExpression expression)
        {
            end = -1;
            expression = null!;
            TimeToken token = tokens[i];
            if (token.WordId < 0 && token.Kind is not (TimeTokenKind.Digits or TimeTokenKind.Atom))
            {
                return false;
            }

            Consider(Core(i, false), ref end, ref expression);
            if (Find(i, TimeCategory.Determiner) is { } det)
            {
                int k = i + det.Length;
                (int e, TimeExpression? x) = Core(k, true);
                if (x is not null && TakesDeterminer(k, e, x))
                {
                    Consider((e, x), ref end, ref expression);
                }

                if (Find(k, TimeCategory.Position) is not null)
                {
                    Consider(Positioned(k), ref end, ref expression);
                }

                if (Find(k, TimeCategory.PartOfDay) is { } pod)
                {
                    Consider((k + pod.Length, new TimeExpression { PartOfDay = pod.Value, Type = TimexType.Time, FromPreviousDate = true }), ref end, ref expression);
                }

                // "for the year ended March 31": a year that ends on a date of its own is a stretch of twelve
                // months, not a calendar year.
                if (Unit(k) is { Value: "Y" } year && !IsPlural(k + year.Length - 1) && Find(k + year.Length, TimeCategory.PeriodEnd) is not null)
                {
                    Consider((k + year.Length, Durations.Of(1, "Y", null)), ref end, ref expression);
                }

                if (Unit(k) is { Value: "WE" } weekend && !IsPlural(k + weekend.Length - 1))
                {
                    Consider(Counted(k + weekend.Length, "WE", 0, granularity: null), ref end, ref expression);
                }
            }

            if (Find(i, TimeCategory.Position) is not null)
            {
                Consider(Positioned(i), ref end, ref expression);
            }

            if (Find(i, TimeCategory.Approx) is { } approx)
            {
                (int e, TimeExpression? x) = Core(i + approx.Length, false);
                if (x is not null && x.Type is TimexType.Date or TimexType.Time && x.Literal is null)
                {
                    Consider((e, x with { Modifier = approx.Value }), ref end, ref expression);
                }
            }

            return end > i;
        }

        /// <summary>
        /// «le 13 février», «la semaine dernière», "the third quarter" keep their determiner; vague words
        /// ("the current"), bare years ("the 1988 quarter") and adjectives ("the two-week") do not.
        /// </summary>
        private bool TakesDeterminer(int start, int end, TimeExpression expression)
        {
            if (expression.Literal is not null && expression.Type != TimexType.Duration && expression.Type != TimexType.Set)
            {
                return false;
            }

            if (expression.Year is not null && expression.Month is null && expression.Season is null && expression.Quarter is null)
            {
                return false;
            }

            for (int k = start; k < end; k++)
            {
                if (IsPunct(k, '-') && expression.Type == TimexType.Duration)
                {
                    return false;
                }
            }

            return true;
        }

        private static void Consider((int End, TimeExpression? Expression) candidate, ref int end, ref TimeExpression expression)
        {
            if (candidate.Expression is not null && candidate.End > end)
            {
                end = candidate.End;
                expression = candidate.Expression;
            }
        }

        /// <summary>The longest production at <paramref name="i"/>, with its suffixes (part of day, clock).</summary>
        private (int, TimeExpression?) Core(int i, bool afterDeterminer)
        {
            if (i >= _count)
            {
                return (-1, null);
            }

            int end = -1;
            TimeExpression expression = null!;
            Consider(Dates(i), ref end, ref expression);
            Consider(Weekday(i), ref end, ref expression);
            Consider(DayWord(i), ref end, ref expression);
            Consider(Relative(i), ref end, ref expression);
            Consider(AgoOrLater(i), ref end, ref expression);
            Consider(Duration(i), ref end, ref expression);
            Consider(Set(i), ref end, ref expression);
            Consider(Literal(i), ref end, ref expression);
            Consider(Year(i), ref end, ref expression);
            Consider(Season(i, afterDeterminer), ref end, ref expression);
            Consider(Quarter(i, afterDeterminer), ref end, ref expression);
            Consider(Clock(i), ref end, ref expression);
            Consider(Holiday(i), ref end, ref expression);
            Consider(YearAgo(i), ref end, ref expression);
            if (end < 0)
            {
                return (-1, null);
            }

            (int extended, TimeExpression? whole) = Extend(end, expression);
            return whole is null ? (extended, whole) : QuarterOfYear(extended, whole);
        }

        /// <summary>
        /// "the 1988 third quarter", "next year's first quarter", "the 1988 period", "last year's quarter": a
        /// quarter of the year just read; without its number, the quarter the text last named.
        /// </summary>
        private (int, TimeExpression?) QuarterOfYear(int end, TimeExpression expression)
        {
            bool year = expression.Year is not null && expression.Month is null && expression.Quarter is null && expression.Season is null
                && expression.Decade is null && expression.Literal is null && expression.RelativeUnit is null;
            bool counted = expression.Year is null && expression.RelativeUnit == TimeUnit.Year && expression.Granularity is null
                && expression.Literal is null && !expression.FollowsMentionedQuarter;
            if (!year && !counted)
            {
                return (end, expression);
            }

            int k = end;
            if (IsPunct(k, '\'') && Is(k + 1, "s"))
            {
                k += 2;
            }

            if (Find(k, TimeCategory.Ordinal) is { } ordinal && ordinal.IntValue is >= 1 and <= 4
                && Unit(k + ordinal.Length) is { Value: "Q" } q && !IsPlural(k + ordinal.Length + q.Length - 1))
            {
                return (k + ordinal.Length + q.Length, expression with { Quarter = ordinal.IntValue, Direction = TemporalDirection.Current });
            }

            if (Find(k, TimeCategory.Period) is { } period)
            {
                return (k + period.Length, expression with { FollowsMentionedQuarter = true });
            }

            return (end, expression);
        }

        // ---- productions -------------------------------------------------------------------------------

        /// <summary>13 mai 2022, vendredi (13 mai), May 13, 2022, Saturday, April 25, mai 1988, juin prochain.</summary>
        private (int, TimeExpression?) Dates(int i)
        {
            int j = i;
            int? weekday = null;
            bool parenthesis = false;
            if (Find(j, TimeCategory.Weekday) is { } w)
            {
                weekday = w.IntValue;
                j += w.Length;
                if (IsPunct(j, ','))
                {
                    j++;
                }

                if (Find(j, TimeCategory.Determiner) is { } d)
                {
                    j += d.Length;
                }

                if (IsPunct(j, '('))
                {
                    parenthesis = true;
                    j++;
                }
            }

            (int end, TimeExpression? date) = DayMonthYear(j);
            if (date is null && weekday is null)
            {
                (end, date) = MonthYear(j);
            }

            if (date is null)
            {
                return (-1, null);
            }

            if (weekday is not null)
            {
                if (date.Day is null)
                {
                    return (-1, null);
                }

                date = date with { Weekday = weekday };
                if (parenthesis)
                {
                    if (!IsPunct(end, ')'))
                    {
                        return (-1, null);
                    }

                    end++;
                }
            }

            // "June last year", «en mai l'an dernier»: the month of a counted year.
            int y = Find(end, TimeCategory.Of) is { } of ? end + of.Length : end;
            y = Find(y, TimeCategory.Determiner) is { } the ? y + the.Length : y;
            if (date.Year is null && y < _count && Relative(y) is (int yearEnd, { RelativeUnit: TimeUnit.Year, Granularity: null, Literal: null } counted))
            {
                return (yearEnd, date with { RelativeUnit = TimeUnit.Year, RelativeOffset = counted.RelativeOffset });
            }

            if (date.Year is null && Find(end, TimeCategory.Relative, allowAmbiguous: false) is { } rel && (rel.Flags & TimeEntryFlags.Post) != 0)
            {
                date = date with { Direction = rel.IntValue < 0 ? TemporalDirection.Past : rel.IntValue > 0 ? TemporalDirection.Future : TemporalDirection.Nearest };
                end += rel.Length;
            }

            return (end, date);
        }

        private (int, TimeExpression?) DayMonthYear(int j)
        {
            if (DayOfMonth(j, out int day, out int k) && Find(k, TimeCategory.Month, allowAmbiguous: true) is { } m)
            {
                int end = k + m.Length;
                var date = new TimeExpression { Month = m.IntValue, Day = day };
                if (Year(end, twoDigits: true, out int year, out int next))
                {
                    return (next, date with { Year = year });
                }

                return ValidDay(date) ? (end, date) : (-1, null);
            }

            if (Find(j, TimeCategory.Month, allowAmbiguous: true) is { } month && DayOfMonth(j + month.Length, out day, out k)
                && !(IsPunct(k, ':') && k + 1 < _count && tokens[k + 1].Kind == TimeTokenKind.Digits && tokens[k + 1].Start == tokens[k].End)
                && Find(k, TimeCategory.Unit, allowAmbiguous: true) is null)
            {
                var date = new TimeExpression { Month = month.IntValue, Day = day };
                int end = k;
                if (IsPunct(end, ',') && Year(end + 1, twoDigits: false, out int y1, out int n1))
                {
                    return (n1, date with { Year = y1 });
                }

                if (Year(end, twoDigits: false, out int y2, out int n2))
                {
                    return (n2, date with { Year = y2 });
                }

                return ValidDay(date) ? (end, date) : (-1, null);
            }

            return (-1, null);
        }

        private static bool ValidDay(TimeExpression date) => date.Day <= DateTime.DaysInMonth(2000, date.Month ?? 1);

        /// <summary>mai 1988, October 1984, janvier de 1990, juin, juin prochain (a bare "may" needs a cue: "in May").</summary>
        private (int, TimeExpression?) MonthYear(int j)
        {
            if (Find(j, TimeCategory.Month, allowAmbiguous: true) is not { } m)
            {
                return (-1, null);
            }

            int end = j + m.Length;
            var date = new TimeExpression { Month = m.IntValue };
            int k = end;
            if (Find(k, TimeCategory.Of) is { } of && Year(k + of.Length, twoDigits: false, out int y0, out int n0))
            {
                return (n0, date with { Year = y0 });
            }

            if (IsPunct(k, ',') && Year(k + 1, twoDigits: false, out int y1, out int n1))
            {
                return (n1, date with { Year = y1 });
            }

            if (SpelledYear(k, thousands: false, out int said, out int saidEnd))
            {
                return (saidEnd, date with { Year = said });
            }

            // «mai 98», "May '98", but "April 25" is a day.
            if (Year(k, twoDigits: true, out int year, out int next) && (tokens[k].Length == 4 || tokens[k].Number > 31 || IsPunct(k - 1, '\'')))
            {
                return (next, date with { Year = year });
            }

            if (m.IsAmbiguous)
            {
                int before = IsPunct(j - 1, '-') ? j - 2 : j - 1;
                bool cue = before >= 0 && Find(before, TimeCategory.MonthCue, allowAmbiguous: true) is not null;
                bool relative = Find(end, TimeCategory.Relative) is { } r && (r.Flags & TimeEntryFlags.Post) != 0;
                if (!tokens[j].Capitalized || !(cue || relative))
                {
                    return (-1, null);
                }
            }

            return (end, date);
        }

        /// <summary>vendredi, mardi dernier, lundi prochain.</summary>
        private (int, TimeExpression?) Weekday(int i)
        {
            if (Find(i, TimeCategory.Weekday) is not { } w)
            {
                return (-1, null);
            }

            int end = i + w.Length;
            var date = new TimeExpression { Weekday = w.IntValue };
            if (Find(end, TimeCategory.Relative) is { } rel && (rel.Flags & TimeEntryFlags.Post) != 0 && rel.IntValue != 0)
            {
                return (end + rel.Length, date with { RelativeOffset = rel.IntValue });
            }

            return (end, date);
        }

        /// <summary>hier, aujourd'hui, demain, tonight; «aujourd'hui vendredi»; le lendemain, la veille.</summary>
        private (int, TimeExpression?) DayWord(int i)
        {
            if (Find(i, TimeCategory.Day) is { } d)
            {
                string value = d.Value;
                string? pod = null;
                int colon = value.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    pod = value[(colon + 1)..];
                    value = value[..colon];
                }

                int end = i + d.Length;
                var date = new TimeExpression
                {
                    RelativeUnit = TimeUnit.Day,
                    RelativeOffset = int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                    PartOfDay = pod,
                    Type = pod is null ? TimexType.Date : rules.PartOfDayType,
                };
                int k = IsPunct(end, ',') ? end + 1 : end;
                if (Find(k, TimeCategory.Weekday) is { } w)
                {
                    end = k + w.Length;
                }

                return (end, date);
            }

            if (Find(i, TimeCategory.Anchor) is { } a)
            {
                return (i + a.Length, new TimeExpression { RelativeUnit = TimeUnit.Day, RelativeOffset = a.IntValue, FromPreviousDate = true });
            }

            return (-1, null);
        }

        /// <summary>
        /// cette semaine, la semaine dernière, l'an dernier, last week, next month, this summer, ce soir,
        /// last Friday; with a count it is a duration: the past two months, les trois derniers mois.
        /// </summary>
        private (int, TimeExpression?) Relative(int i)
        {
            if (Find(i, TimeCategory.Relative) is { } pre && (pre.Flags & TimeEntryFlags.Pre) != 0)
            {
                int j = i + pre.Length;
                int offset = pre.IntValue;
                bool counted = false;
                if (Find(j, TimeCategory.Relative) is { } post && (post.Flags & TimeEntryFlags.Post) != 0)
                {
                    j += post.Length;
                    offset = post.IntValue;
                    counted = true;
                }

                // "that year" is the year just mentioned, but in "said that four days …" the count is its own.
                bool demonstrative = (pre.Flags & TimeEntryFlags.Anchored) != 0 && offset == 0;
                if (demonstrative && IsPlural(j))
                {
                    return (-1, null);
                }

                if (!demonstrative && Number(j, allowAmbiguous: false, out double n, out int k) && Unit(k) is { } u1)
                {
                    return (k + u1.Length, Durations.Of(n, u1.Value, null));
                }

                if (!demonstrative && Find(j, TimeCategory.Quantifier, allowAmbiguous: true) is { } q && Unit(j + q.Length) is { } u2 && MayBePlural(j + q.Length + u2.Length - 1))
                {
                    return (j + q.Length + u2.Length, Durations.Of(null, u2.Value, null));
                }

                if (Unit(j) is { } unit)
                {
                    int end = j + unit.Length;
                    if (counted || IsPlural(j + unit.Length - 1))
                    {
                        return (end, Durations.Of(null, unit.Value, null));
                    }

                    bool anchored = (pre.Flags & TimeEntryFlags.Anchored) != 0;
                    (int countedEnd, TimeExpression? relative) = Counted(end, unit.Value, offset, granularity: null);
                    return (countedEnd, relative is null ? null : relative with { FromPreviousDate = anchored });
                }

                if (Find(j, TimeCategory.Weekday) is { } w)
                {
                    return (j + w.Length, new TimeExpression { Weekday = w.IntValue, RelativeOffset = offset });
                }

                if (Find(j, TimeCategory.Month, allowAmbiguous: true) is { } m)
                {
                    return (j + m.Length, new TimeExpression { Month = m.IntValue, Direction = offset == 0 ? TemporalDirection.Current : DirectionOf(offset) });
                }

                if (Holiday(j) is (int holidayEnd, { } holiday) && holiday.Year is null)
                {
                    return (holidayEnd, holiday with { Direction = offset == 0 ? TemporalDirection.Current : DirectionOf(offset) });
                }

                if (Find(j, TimeCategory.Season, allowAmbiguous: true) is { } s)
                {
                    return (j + s.Length, new TimeExpression { Season = s.Value, Direction = offset == 0 ? TemporalDirection.Current : DirectionOf(offset) });
                }

                if (Find(j, TimeCategory.PartOfDay) is { } pod && (offset == 0 || (offset < 0 && pod.Value is "NI" or "EV")))
                {
                    return (j + pod.Length, new TimeExpression { RelativeUnit = TimeUnit.Day, RelativeOffset = offset, PartOfDay = pod.Value, Type = TimexType.Time });
                }

                return (-1, null);
            }

            if (Unit(i) is { } head)
            {
                int j = i + head.Length;
                if (Find(j, TimeCategory.Relative) is { } post && (post.Flags & TimeEntryFlags.Post) != 0)
                {
                    if (IsPlural(j - 1))
                    {
                        return (j + post.Length, Durations.Of(null, head.Value, null));
                    }

                    (int countedEnd, TimeExpression? relative) = Counted(j + post.Length, head.Value, post.IntValue, granularity: null);
                    return (countedEnd, relative is null ? null : relative with { FromPreviousDate = (post.Flags & TimeEntryFlags.Anchored) != 0 });
                }

                return (-1, null);
            }

            if (Number(i, allowAmbiguous: false, out double count, out int after)
                && Find(after, TimeCategory.Relative) is { } rel && (rel.Flags & TimeEntryFlags.Post) != 0 && rel.IntValue != 0
                && Unit(after + rel.Length) is { } u)
            {
                return (after + rel.Length + u.Length, Durations.Of(count, u.Value, null));
            }

            if (Find(i, TimeCategory.Season, allowAmbiguous: true) is { } season
                && Find(i + season.Length, TimeCategory.Relative) is { } sr && (sr.Flags & TimeEntryFlags.Post) != 0)
            {
                return (i + season.Length + sr.Length, new TimeExpression { Season = season.Value, Direction = DirectionOf(sr.IntValue) });
            }

            if (Find(i, TimeCategory.PartOfDay) is { } night
                && Find(i + night.Length, TimeCategory.Relative) is { } nr && (nr.Flags & TimeEntryFlags.Post) != 0 && nr.IntValue < 0)
            {
                return (i + night.Length + nr.Length, new TimeExpression { RelativeUnit = TimeUnit.Day, RelativeOffset = -1, PartOfDay = night.Value, Type = TimexType.Time });
            }

            return (-1, null);
        }

        private static TemporalDirection DirectionOf(int offset) =>
            offset < 0 ? TemporalDirection.Past : offset > 0 ? TemporalDirection.Future : TemporalDirection.Nearest;

        private (int, TimeExpression?) Counted(int end, string unitCode, int offset, TimeUnit? granularity)
        {
            TimeUnit? unit = Durations.UnitOf(unitCode);
            if (unit is null)
            {
                return (-1, null);
            }

            return (end, new TimeExpression { RelativeUnit = unit, RelativeOffset = offset, Granularity = granularity });
        }

        /// <summary>il y a trois jours, dans deux semaines, two years ago, a week later, three days earlier.</summary>
        private (int, TimeExpression?) AgoOrLater(int i)
        {
            TimeLexiconEntry? pre = Find(i, TimeCategory.Ago);
            if (pre is null || (pre.Flags & TimeEntryFlags.Pre) == 0)
            {
                pre = Find(i, TimeCategory.Later, allowAmbiguous: true);
            }

            if (pre is not null && (pre.Flags & TimeEntryFlags.Pre) != 0)
            {
                if (Counting(i + pre.Length, out double? n, out string unit, out int end))
                {
                    return Shifted(end, n, unit, pre.IntValue);
                }

                return (-1, null);
            }

            if (Counting(i, out double? count, out string u, out int k))
            {
                // "three days later", «six ans après» are the duration between two events in TimeML (the
                // corpora mark «une heure» alone in «une heure plus tard»): only "ago" words make a date.
                TimeLexiconEntry? post = Find(k, TimeCategory.Ago, allowAmbiguous: true);
                if (post is not null && (post.Flags & TimeEntryFlags.Post) != 0)
                {
                    return Shifted(k + post.Length, count, u, post.IntValue);
                }
            }

            return (-1, null);
        }

        private (int, TimeExpression?) Shifted(int end, double? count, string unitCode, int sign)
        {
            TimeUnit? unit = Durations.UnitOf(unitCode);
            if (unit is null || unit is TimeUnit.Weekend)
            {
                return (-1, null);
            }

            if (count is null || count != Math.Floor(count.Value) || unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second)
            {
                if (unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second)
                {
                    return (end, new TimeExpression { RelativeUnit = TimeUnit.Day, RelativeOffset = 0 });
                }

                return (end, new TimeExpression { Literal = sign < 0 ? "PAST_REF" : "FUTURE_REF" });
            }

            int n = (int)count.Value;
            TimeUnit granularity = unit switch
            {
                TimeUnit.Week => TimeUnit.Day,
                TimeUnit.Decade or TimeUnit.Century => TimeUnit.Year,
                TimeUnit.HalfYear => TimeUnit.Month,
                _ => unit.Value,
            };
            return (end, new TimeExpression { RelativeUnit = unit, RelativeOffset = sign * n, Granularity = granularity, FollowsMentionedQuarter = unit == TimeUnit.Year && n == 1 });
        }

        /// <summary>[approx] (number | quantifier) [-] unit: «près de deux mois», "three years", "a week", «quelques jours».</summary>
        private bool Counting(int i, out double? count, out string unit, out int end)
        {
            count = null;
            unit = "";
            end = -1;
            int j = i;
            if (Find(j, TimeCategory.Approx, allowAmbiguous: true) is { } approx)
            {
                j += approx.Length;
            }

            if (Find(j, TimeCategory.Ordinal) is { } first && first.IntValue == 1 && Number(j + first.Length, allowAmbiguous: false, out _, out _))
            {
                j += first.Length;
            }

            if (Number(j, allowAmbiguous: true, out double n, out int k) && Find(k, TimeCategory.Extra) is { } extra && Unit(k + extra.Length) is not null)
            {
                // "two more weeks", "an additional year": the count of what is added.
                count = n;
                k += extra.Length;
            }
            else if (Number(j, allowAmbiguous: true, out n, out k) && (Unit(k) is not null || (IsPunct(k, '-') && Unit(k + 1) is not null)))
            {
                count = n;
            }
            else if (Find(j, TimeCategory.Quantifier, allowAmbiguous: true) is { } q)
            {
                k = j + q.Length;
            }
            else
            {
                return false;
            }

            if (IsPunct(k, '-'))
            {
                k++;
            }

            if (Unit(k) is not { } u)
            {
                return false;
            }

            if (count is null && !MayBePlural(k + u.Length - 1))
            {
                return false;
            }

            unit = u.Value;
            end = k + u.Length;

            // "a minute and a half", «deux heures et demie».
            if (count is not null && Find(end, TimeCategory.Fraction) is { } fraction)
            {
                count += double.Parse(fraction.Value, CultureInfo.InvariantCulture);
                end += fraction.Length;
            }

            return true;
        }

        /// <summary>«depuis près de deux mois» → P2M (the preposition is not part of the expression), "48 heures" → PT48H.</summary>
        private (int, TimeExpression?) Duration(int i)
        {
            string? modifier = Find(i, TimeCategory.Approx, allowAmbiguous: true)?.Value;
            if (Counting(i, out double? count, out string unit, out int end))
            {
                if (count is not null && tokens[i].Kind == TimeTokenKind.Digits && tokens[i].Length == 4 && count >= 1000)
                {
                    return (-1, null);
                }

                if (IsAge(i, end, unit))
                {
                    return (-1, null);
                }

                // "about three-quarters of its food", «un quart des voix»: a fraction, not three quarters of a year.
                if (unit == "Q" && count is <= 3 && Find(end, TimeCategory.Of) is not null && !Year(end + 1, twoDigits: false, out _, out _))
                {
                    return (-1, null);
                }

                return (end, Durations.Of(count, unit, modifier));
            }

            if (Unit(i) is { } u && char.IsAsciiDigit(u.Value[0]))
            {
                return (i + u.Length, Durations.Of(1, u.Value, null));
            }

            // "For weeks the government has held rallies", "within weeks", "for the first time in years": an
            // unknown number of units (the preposition is not part of the expression).
            if (Unit(i) is { } plural && IsPlural(i + plural.Length - 1) && i > 0 && Find(i - 1, TimeCategory.DurationCue) is not null
                && Find(i + plural.Length, TimeCategory.Of) is null)
            {
                return (i + plural.Length, Durations.Of(null, plural.Value, null));
            }

            return (-1, null);
        }

        /// <summary>chaque semaine, tous les jeudis, every two weeks, daily, quotidien.</summary>
        private (int, TimeExpression?) Set(int i)
        {
            if (Find(i, TimeCategory.Set) is { } literal)
            {
                return (i + literal.Length, new TimeExpression { Type = TimexType.Set, Literal = literal.Value });
            }

            if (Find(i, TimeCategory.Each) is not { } each)
            {
                // «deux fois par an»: TimeML marks the unit alone as the set.
                if (i > 0 && Find(i - 1, TimeCategory.Each, allowAmbiguous: true) is { IsAmbiguous: true, Length: 1 } && Unit(i) is { } alone && !IsPlural(i + alone.Length - 1)
                    && Find(i + alone.Length, TimeCategory.Of) is null)
                {
                    return (i + alone.Length, Durations.Of(1, alone.Value, null) with { Type = TimexType.Set });
                }

                return (-1, null);
            }

            int j = i + each.Length;
            double n = 1;
            if (Number(j, allowAmbiguous: false, out double count, out int k))
            {
                n = count;
                j = k;
            }

            if (Unit(j) is { } unit)
            {
                TimeExpression duration = Durations.Of(n, unit.Value, null);
                return (j + unit.Length, duration with { Type = TimexType.Set });
            }

            if (Find(j, TimeCategory.Weekday) is { } w)
            {
                return (j + w.Length, new TimeExpression { Type = TimexType.Set, Literal = "XXXX-WXX-" + w.Value });
            }

            if (Find(j, TimeCategory.PartOfDay) is { } pod)
            {
                return (j + pod.Length, new TimeExpression { Type = TimexType.Set, Literal = "XXXX-XX-XXT" + pod.Value });
            }

            return (-1, null);
        }

        /// <summary>récemment, actuellement, maintenant, à l'avenir, now, recently, the future.</summary>
        private (int, TimeExpression?) Literal(int i)
        {
            if (Find(i, TimeCategory.Vague) is { } v && !((v.Flags & TimeEntryFlags.Nominal) != 0 && ModifiesNoun(i + v.Length)))
            {
                return (i + v.Length, new TimeExpression { Type = v.Type ?? rules.VagueType, Literal = v.Value });
            }

            return (-1, null);
        }

        /// <summary>1990, l'année 2001, the year 1990, les années 60 (a decade), 1990s.</summary>
        private (int, TimeExpression?) Year(int i)
        {
            if (Year(i, twoDigits: false, out int year, out int end))
            {
                if (Find(end, TimeCategory.Measure) is not null || IsPunct(end, '%') || (i > 0 && IsPunct(i - 1, '$')))
                {
                    return (-1, null);
                }

                if (year < 1800 && (i == 0 || Find(i - 1, TimeCategory.MonthCue, allowAmbiguous: true) is null))
                {
                    return (-1, null);
                }

                return (end, new TimeExpression { Year = year });
            }

            if (SpelledYear(i, thousands: false, out int spelled, out int spelledEnd))
            {
                return (spelledEnd, new TimeExpression { Year = spelled });
            }

            if (Unit(i) is { } unit && unit.Value == "Y")
            {
                int j = i + unit.Length;
                if (j < _count && tokens[j].Kind == TimeTokenKind.Digits)
                {
                    TimeToken t = tokens[j];
                    if (IsPlural(j - 1) && t.Number % 10 == 0 && (t.Length == 2 || (t.Length == 4 && t.Number is >= 1000 and < 2100)))
                    {
                        return (j + 1, new TimeExpression { Decade = t.Length == 2 ? 190 + (t.Number / 10) : t.Number / 10 });
                    }

                    if (!IsPlural(j - 1) && Year(j, twoDigits: false, out int y, out int e))
                    {
                        return (e, new TimeExpression { Year = y });
                    }
                }

                if (!IsPlural(j - 1) && SpelledYear(j, thousands: true, out int said, out int saidEnd))
                {
                    return (saidEnd, new TimeExpression { Year = said });
                }
            }

            return (-1, null);
        }

        /// <summary>l'été 2021, l'automne, summer of 1990 ("fall" and «été» need a determiner or a year).</summary>
        private (int, TimeExpression?) Season(int i, bool afterDeterminer)
        {
            if (Find(i, TimeCategory.Season, allowAmbiguous: true) is not { } s)
            {
                return (-1, null);
            }

            int end = i + s.Length;
            var season = new TimeExpression { Season = s.Value };
            int k = Find(end, TimeCategory.Of) is { } of ? end + of.Length : end;
            if (Year(k, twoDigits: false, out int year, out int next) || SpelledYear(k, thousands: false, out year, out next))
            {
                return (next, season with { Year = year });
            }

            // "from May to fall", but not "prices began to fall": an ambiguous cue ("to") does not cue a season.
            bool cued = afterDeterminer || (i > 0 && Find(i - 1, TimeCategory.MonthCue) is not null);
            return s.IsAmbiguous && !cued ? (-1, null) : (end, season);
        }

        /// <summary>third-quarter, the third quarter of 1990, le troisième trimestre, the quarter.</summary>
        private (int, TimeExpression?) Quarter(int i, bool afterDeterminer)
        {
            if (Find(i, TimeCategory.Ordinal) is { } ordinal)
            {
                int j = i + ordinal.Length;
                if (IsPunct(j, '-'))
                {
                    j++;
                }

                if (Unit(j) is { } unit && unit.Value is "Q" or "HALF" && !IsPlural(j + unit.Length - 1))
                {
                    int end = j + unit.Length;
                    var expression = unit.Value == "Q"
                        ? new TimeExpression { Quarter = ordinal.IntValue }
                        : new TimeExpression { Quarter = ordinal.IntValue + 4 };
                    if (ordinal.IntValue > (unit.Value == "Q" ? 4 : 2))
                    {
                        return (-1, null);
                    }

                    int k = Find(end, TimeCategory.Of) is { } of ? end + of.Length : end;
                    if (Year(k, twoDigits: false, out int year, out int next))
                    {
                        return (next, expression with { Year = year });
                    }

                    return (end, expression);
                }
            }

            if (afterDeterminer && Unit(i) is { } q && q.Value == "Q" && !IsPlural(i + q.Length - 1))
            {
                return (i + q.Length, new TimeExpression { RelativeUnit = TimeUnit.Quarter, RelativeOffset = -1 });
            }

            return (-1, null);
        }

        /// <summary>14h30, 2:30 p.m., midi, noon; numeric dates and decades, which the tokenizer already read.</summary>
        private (int, TimeExpression?) Clock(int i)
        {
            TimeToken token = tokens[i];
            if (token.Kind == TimeTokenKind.Atom)
            {
                return (i + 1, token.Atom);
            }

            if (Find(i, TimeCategory.Clock) is { } c)
            {
                int colon = c.Value.IndexOf(':', StringComparison.Ordinal);
                return (i + c.Length, new TimeExpression
                {
                    Type = TimexType.Time,
                    Hour = int.Parse(c.Value.AsSpan(0, colon), CultureInfo.InvariantCulture),
                    Minute = int.Parse(c.Value.AsSpan(colon + 1), CultureInfo.InvariantCulture),
                    FromPreviousDate = true,
                });
            }

            return (-1, null);
        }

        /// <summary>
        /// "the year-ago quarter", "the year-earlier period", "year-earlier results", "the year-ago third quarter":
        /// the period of the report one year back (the quarter the text last named, else the year before).
        /// </summary>
        private (int, TimeExpression?) YearAgo(int i)
        {
            if (Find(i, TimeCategory.YearAgo) is not { } prior)
            {
                return (-1, null);
            }

            int end = i + prior.Length;
            if (Counting(end, out _, out _, out _))
            {
                return (-1, null);
            }

            if (Find(end, TimeCategory.Ordinal) is { } ordinal && ordinal.IntValue is >= 1 and <= 4
                && Unit(end + ordinal.Length) is { Value: "Q" } q && !IsPlural(end + ordinal.Length + q.Length - 1))
            {
                return (end + ordinal.Length + q.Length, new TimeExpression { Quarter = ordinal.IntValue, RelativeUnit = TimeUnit.Year, RelativeOffset = -1 });
            }

            if (Find(end, TimeCategory.Period) is { } period)
            {
                end += period.Length;
            }

            return (end, new TimeExpression { RelativeUnit = TimeUnit.Year, RelativeOffset = -1, Granularity = TimeUnit.Year, FollowsMentionedQuarter = true });
        }

        /// <summary>Noël, Christmas, Christmas 2021.</summary>
        private (int, TimeExpression?) Holiday(int i)
        {
            if (Find(i, TimeCategory.Holiday) is not { } h)
            {
                return (-1, null);
            }

            int end = i + h.Length;
            TimeExpression date = h.Value.Length == 5
                ? new TimeExpression
                {
                    Month = int.Parse(h.Value.AsSpan(0, 2), CultureInfo.InvariantCulture),
                    Day = int.Parse(h.Value.AsSpan(3, 2), CultureInfo.InvariantCulture),
                }
                : new TimeExpression { Holiday = h.Value };
            return Year(end, twoDigits: false, out int year, out int next) ? (next, date with { Year = year }) : (end, date);
        }

        /// <summary>
        /// début juin, fin 2021, mi-mai, tard vendredi, late Friday, earlier this year, la fin de l'année,
        /// en début d'après-midi: the value is the inner expression's, the position goes to <c>mod</c>.
        /// </summary>
        private (int, TimeExpression?) Positioned(int i)
        {
            TimeLexiconEntry position = Find(i, TimeCategory.Position)!;
            int j = i + position.Length;
            if (IsPunct(j, '-'))
            {
                j++;
            }

            if (Find(j, TimeCategory.Of) is { } of)
            {
                j += of.Length;
            }

            int k = Find(j, TimeCategory.Determiner) is { } det ? j + det.Length : j;
            (int end, TimeExpression? inner) = Core(k, k > j);
            if (inner is null && k > j && Unit(k) is { } unit && !IsPlural(k + unit.Length - 1))
            {
                (end, inner) = Counted(k + unit.Length, unit.Value, 0, granularity: null);
            }

            if (inner is null && Find(k, TimeCategory.PartOfDay) is { } pod)
            {
                (end, inner) = (k + pod.Length, new TimeExpression { RelativeUnit = TimeUnit.Day, PartOfDay = pod.Value, Type = TimexType.Time, FromPreviousDate = true });
            }

            if (inner is null || inner.Type is TimexType.Duration or TimexType.Set || inner.Literal?.EndsWith("_REF", StringComparison.Ordinal) == true)
            {
                return (-1, null);
            }

            return (end, inner with { Modifier = position.Value });
        }

        /// <summary>Suffixes of a day: «vendredi soir», "yesterday at 10 a.m."; of a clock: "9 a.m. Tuesday", «4 h mardi».</summary>
        private (int, TimeExpression?) Extend(int end, TimeExpression expression)
        {
            if (expression.Type is TimexType.Duration or TimexType.Set || expression.Literal is not null)
            {
                return (end, expression);
            }

            if (expression.IsDay && expression.Hour is null)
            {
                if (expression.PartOfDay is null && Find(end, TimeCategory.PartOfDay) is { } pod)
                {
                    return (end + pod.Length, expression with { PartOfDay = pod.Value, Type = rules.PartOfDayType });
                }

                // «hier à 10 h» is one expression; «lundi 17 février, à 14 h 30» and «mardi vers 21 h 45» are two.
                int k = end;
                if (Find(k, TimeCategory.At) is { } at)
                {
                    k += at.Length;
                }

                if (expression.RelativeUnit == TimeUnit.Day && expression.PartOfDay is null && !expression.FromPreviousDate
                    && k < _count && tokens[k].Kind == TimeTokenKind.Atom && tokens[k].Atom is { Hour: not null } clock)
                {
                    return (k + 1, expression with { Hour = clock.Hour, Minute = clock.Minute, Type = TimexType.Time });
                }

                return (end, expression);
            }

            if (expression.Hour is not null && expression.FromPreviousDate)
            {
                int k = end;
                (int dayEnd, TimeExpression? day) = DayWord(k);
                if (day is null)
                {
                    (dayEnd, day) = Weekday(k);
                }

                if (day is null)
                {
                    (dayEnd, day) = Dates(k);
                }

                if (day is not null && day.IsDay && day.Hour is null && !day.FromPreviousDate)
                {
                    return (dayEnd, day with { Hour = expression.Hour, Minute = expression.Minute, Type = TimexType.Time, PartOfDay = null });
                }
            }

            return (end, expression);
        }

        /// <summary>«un homme de 37 ans», «(37 ans)», "a 6-year-old boy", "aged 52 years": an age, not a duration.</summary>
        private bool IsAge(int start, int end, string unit)
        {
            if (unit != "Y")
            {
                return false;
            }

            if (end < _count && (Is(end, "old") || (IsPunct(end, '-') && Is(end + 1, "old"))))
            {
                return true;
            }

            if (start == 0)
            {
                return false;
            }

            // «plus de 20 ans» is a duration; «les moins de 17 ans» a group of people by age.
            if (Find(start, TimeCategory.Approx, allowAmbiguous: true) is not null)
            {
                return Find(start - 1, TimeCategory.AgeCue) is { Length: 1, Value: "approx" };
            }

            // «Elvis Weiss, 20 ans, a déjà un casier»: a count of years set off by commas after a name is an age.
            if (IsPunct(start - 1, ',') && (IsPunct(end, ',') || IsPunct(end, ')')) && tokens[start].Kind == TimeTokenKind.Digits)
            {
                return true;
            }

            for (int k = Math.Max(0, start - 3); k < start; k++)
            {
                if (Find(k, TimeCategory.AgeCue) is { } cue && k + cue.Length == start && cue.Value != "approx")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A lower-case content word follows: the word before it is used as an adjective ("future earnings"),
        /// except before a unit of time ("future quarters" is a time).
        /// </summary>
        private bool ModifiesNoun(int next) =>
            next < _count && tokens[next].Kind == TimeTokenKind.Word && !tokens[next].Capitalized
            && Find(next, TimeCategory.Function) is null && Unit(next) is null;

        // ---- pieces ------------------------------------------------------------------------------------

        private TimeLexiconEntry? Unit(int i) => Find(i, TimeCategory.Unit);

        private bool DayOfMonth(int i, out int day, out int next)
        {
            day = 0;
            next = i + 1;
            if (i >= _count)
            {
                return false;
            }

            TimeToken t = tokens[i];
            if (t.Kind == TimeTokenKind.Digits && t.Length <= 2 && t.Number is >= 1 and <= 31)
            {
                day = t.Number;
                return true;
            }

            if (t.Kind == TimeTokenKind.Word && char.IsAsciiDigit(text[t.Start]))
            {
                ReadOnlySpan<char> s = text.AsSpan(t.Start, t.Length);
                int digits = 0;
                while (digits < s.Length && char.IsAsciiDigit(s[digits]))
                {
                    digits++;
                }

                ReadOnlySpan<char> suffix = s[digits..];
                if (digits <= 2 && IsOrdinalSuffix(suffix))
                {
                    day = int.Parse(s[..digits], CultureInfo.InvariantCulture);
                    return day is >= 1 and <= 31;
                }
            }

            if (Find(i, TimeCategory.Ordinal) is { } o)
            {
                day = o.IntValue;
                next = i + o.Length;
                return true;
            }

            return false;
        }

        private static bool IsOrdinalSuffix(ReadOnlySpan<char> s) =>
            s.Equals("er", StringComparison.OrdinalIgnoreCase) || s.Equals("re", StringComparison.OrdinalIgnoreCase)
            || s.Equals("st", StringComparison.OrdinalIgnoreCase) || s.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || s.Equals("rd", StringComparison.OrdinalIgnoreCase) || s.Equals("th", StringComparison.OrdinalIgnoreCase);

        private bool Year(int i, bool twoDigits, out int year, out int next)
        {
            year = 0;
            next = i + 1;
            if (i >= _count || tokens[i].Kind != TimeTokenKind.Digits)
            {
                return false;
            }

            TimeToken t = tokens[i];
            if (IsPunct(i + 1, ',') && i + 2 < _count && tokens[i + 2].Kind == TimeTokenKind.Digits && tokens[i + 2].Length == 3)
            {
                return false;
            }

            if (i > 0 && tokens[i - 1].End == t.Start && tokens[i - 1].Kind == TimeTokenKind.Punctuation && text[tokens[i - 1].Start] is '.' or ',' or '-' or '/'
                && i > 1 && tokens[i - 2].Kind == TimeTokenKind.Digits)
            {
                return false;
            }

            if (t.Length == 4 && t.Number is >= 1000 and <= 2099)
            {
                year = t.Number;
                return true;
            }

            if (twoDigits && t.Length == 2)
            {
                year = t.Number + (t.Number < 50 ? 2000 : 1900);
                return true;
            }

            return false;
        }

        /// <summary>
        /// A year in words, as transcripts of broadcasts write it: "nineteen ninety-four"; with
        /// <paramref name="thousands"/>, also "two thousand" (only where a year is expected: "the year two thousand").
        /// </summary>
        private bool SpelledYear(int i, bool thousands, out int year, out int next)
        {
            year = 0;
            next = i;
            if (i >= _count || tokens[i].Kind != TimeTokenKind.Word)
            {
                return false;
            }

            if (Find(i, TimeCategory.Number) is { } century && century.Value is "19" or "20"
                && Number(i + century.Length, allowAmbiguous: false, out double rest, out int restEnd) && rest is >= 10 and < 100 && rest == Math.Floor(rest))
            {
                year = (int.Parse(century.Value, CultureInfo.InvariantCulture) * 100) + (int)rest;
                next = restEnd;
                return true;
            }

            if (thousands && Number(i, allowAmbiguous: false, out double n, out int end) && n is >= 1000 and < 2100 && n == Math.Floor(n))
            {
                year = (int)n;
                next = end;
                return true;
            }

            return false;
        }

        private bool Number(int i, bool allowAmbiguous, out double value, out int next)
        {
            value = 0;
            next = i;
            if (i >= _count)
            {
                return false;
            }

            TimeToken t = tokens[i];
            if (t.Kind == TimeTokenKind.Digits && t.Length <= 6)
            {
                if ((IsPunct(i + 1, ',') || IsPunct(i + 1, '.')) && i + 2 < _count && tokens[i + 2].Kind == TimeTokenKind.Digits
                    && tokens[i + 1].End == tokens[i + 2].Start && tokens[i + 1].Start == t.End)
                {
                    return false;
                }

                value = t.Number;
                next = i + 1;

                // "2 1/2 years": a whole number and a fraction written with a slash.
                if (i + 3 < _count && tokens[i + 1].Kind == TimeTokenKind.Digits && IsPunct(i + 2, '/') && tokens[i + 3].Kind == TimeTokenKind.Digits
                    && tokens[i + 1].End == tokens[i + 2].Start && tokens[i + 2].End == tokens[i + 3].Start
                    && tokens[i + 1].Number < tokens[i + 3].Number && tokens[i + 3].Number is 2 or 4)
                {
                    value += (double)tokens[i + 1].Number / tokens[i + 3].Number;
                    next = i + 4;
                }

                return true;
            }

            double total = 0, current = 0;
            int j = i;
            bool any = false;
            while (Find(j, TimeCategory.Number, allowAmbiguous: allowAmbiguous && !any) is { } n)
            {
                double v = double.Parse(n.Value, CultureInfo.InvariantCulture);
                if (v is 100 or 1000)
                {
                    current = (current == 0 ? 1 : current) * v;
                    if (v == 1000)
                    {
                        total += current;
                        current = 0;
                    }
                }
                else
                {
                    current += v;
                }

                any = true;
                j += n.Length;
                next = j;
                if (IsPunct(j, '-') && Find(j + 1, TimeCategory.Number) is not null)
                {
                    j++;
                }
                else if (v is >= 20 and < 100 && v % 10 == 0 && Find(j, TimeCategory.Number) is { } unit && double.Parse(unit.Value, CultureInfo.InvariantCulture) is >= 1 and < 10)
                {
                    continue;
                }
                else if (v is < 100 && Find(j, TimeCategory.Number) is { } multiplier && double.Parse(multiplier.Value, CultureInfo.InvariantCulture) is 100 or 1000)
                {
                    // "two thousand", "three hundred".
                    continue;
                }
                else if (j < _count && (Is(j, "et") || Is(j, "and")) && Find(j + 1, TimeCategory.Number) is { } after && after.Value != "0.5")
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            value = total + current;
            return any;
        }

        private bool Is(int i, string folded) =>
            i < _count && tokens[i].Length == folded.Length && text.AsSpan(tokens[i].Start, tokens[i].Length).Equals(folded, StringComparison.OrdinalIgnoreCase);

        /// <summary>A plural unit: «jours», "weeks" (their singular is a unit too); «mois» is not, it is both.</summary>
        private bool IsPlural(int i)
        {
            if (i >= _count || tokens[i].Length <= 2 || text[tokens[i].End - 1] is not ('s' or 'S' or 'x' or 'X') || tokens[i].Length > 64)
            {
                return false;
            }

            Span<char> buffer = stackalloc char[64];
            int n = TimeLexicon.Fold(text.AsSpan(tokens[i].Start, tokens[i].Length - 1), buffer);
            foreach (TimeLexiconEntry entry in _lexicon.EntriesStartingWith(_lexicon.WordId(buffer[..n])))
            {
                if (entry.Category == TimeCategory.Unit)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A unit that can be plural: «jours», «mois», not «jour».</summary>
        private bool MayBePlural(int i) =>
            IsPlural(i) || (i < _count && text[tokens[i].End - 1] is 's' or 'S' or 'x' or 'X');

        private bool IsPunct(int i, char c) =>
            i < _count && tokens[i].Kind == TimeTokenKind.Punctuation && text[tokens[i].Start] == c;

        private TimeLexiconEntry? Find(int i, TimeCategory category, bool allowAmbiguous = false)
        {
            if (i >= _count)
            {
                return null;
            }

            foreach (TimeLexiconEntry entry in _lexicon.EntriesStartingWith(tokens[i].WordId))
            {
                if (entry.Category == category && (allowAmbiguous || !entry.IsAmbiguous) && Matches(i, entry))
                {
                    return entry;
                }
            }

            return null;
        }

        private bool Matches(int i, TimeLexiconEntry entry)
        {
            if (i + entry.Length > _count)
            {
                return false;
            }

            for (int k = 1; k < entry.Words.Length; k++)
            {
                if (tokens[i + k].WordId != entry.Words[k])
                {
                    return false;
                }
            }

            return true;
        }

        // ---- tense ---------------------------------------------------------------------------------------

        /// <summary>
        /// Points an underspecified date the way its sentence looks: «dimanche, le village fera la fête» is the
        /// coming Sunday; without a future cue a weekday is the most recent one (news reports what happened).
        /// A verb in the past just before the date wins over the rest of the sentence: in "the decision was
        /// announced Wednesday, and they will appeal", Wednesday is the last one.
        /// </summary>
        public TimeExpression WithTense(int start, int end, TimeExpression expression)
        {
            bool underspecified = expression.Year is null && expression.RelativeUnit is null && !expression.FromPreviousDate
                && expression.Decade is null && expression.Quarter is null && expression.Literal is null
                && expression.Direction == TemporalDirection.Nearest && expression.RelativeOffset == 0
                && (expression.Weekday is not null || expression.Month is not null || expression.Season is not null || expression.Holiday is not null);
            if (!underspecified)
            {
                return expression;
            }

            if (HasPastVerbBefore(start))
            {
                return expression with { Direction = TemporalDirection.Past };
            }

            if (HasFutureCue(start, end))
            {
                return expression with { Direction = TemporalDirection.Future };
            }

            return expression.Weekday is not null && expression.Day is null
                ? expression with { Direction = TemporalDirection.Past }
                : expression;
        }

        /// <summary>"said Friday", "was announced on Wednesday", «s'est éteinte mercredi», «lancé vendredi».</summary>
        private bool HasPastVerbBefore(int start)
        {
            int k = start - 1;
            if (k >= 0 && Find(k, TimeCategory.Gap) is not null)
            {
                k--;
            }

            if (k < 0)
            {
                return false;
            }

            return IsPastVerb(k);
        }

        /// <summary>
        /// A past form at <paramref name="k"/>: a <c>past</c> word ("said", «était», "since") or a word with a
        /// past ending, unless a non-finite word stands before it ("will be paid", «doit être annoncé») or it is a
        /// future cue ("expected").
        /// </summary>
        private bool IsPastVerb(int k)
        {
            if (tokens[k].Kind != TimeTokenKind.Word || (k > 0 && (Find(k - 1, TimeCategory.NonFinite) is not null || IsFutureCue(k - 1))))
            {
                return false;
            }

            if (Find(k, TimeCategory.Past, allowAmbiguous: true) is not null)
            {
                return true;
            }

            // A capitalised word with a past ending is more often a name ("United", «Mérignac»).
            if (tokens[k].Capitalized || Find(k, TimeCategory.Future) is not null || tokens[k].Length > 64)
            {
                return false;
            }

            Span<char> buffer = stackalloc char[64];
            int n = TimeLexicon.Fold(text.AsSpan(tokens[k].Start, tokens[k].Length), buffer);
            return _lexicon.HasPastSuffix(buffer[..n]);
        }

        private (int From, int To) SentenceAround(int start, int end)
        {
            int from = start;
            while (from > 0 && !IsSentenceEnd(from - 1))
            {
                from--;
            }

            int to = end;
            while (to < _count && !IsSentenceEnd(to))
            {
                to++;
            }

            return (from, to);
        }

        private bool HasFutureCue(int start, int end)
        {
            (int from, int to) = SentenceAround(start, end);
            for (int k = from; k < to; k++)
            {
                if (k >= start && k < end)
                {
                    continue;
                }

                if (IsFutureCue(k))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A future cue ("will", "scheduled") or a word with a future ending («seront», «annoncera»).</summary>
        private bool IsFutureCue(int k)
        {
            if (Find(k, TimeCategory.Future) is not null)
            {
                return true;
            }

            TimeToken t = tokens[k];
            if (t.Kind != TimeTokenKind.Word || t.Length > 64 || t.Capitalized)
            {
                return false;
            }

            Span<char> buffer = stackalloc char[64];
            int n = TimeLexicon.Fold(text.AsSpan(t.Start, t.Length), buffer);
            return _lexicon.HasFutureSuffix(buffer[..n]);
        }

        private bool IsSentenceEnd(int i) =>
            tokens[i].Kind == TimeTokenKind.Punctuation && text[tokens[i].Start] is '.' or '!' or '?' or '\n';
    }
}
