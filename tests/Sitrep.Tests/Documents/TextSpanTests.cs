using Sitrep.Documents;

namespace Sitrep.Tests.Documents;

public sealed class TextSpanTests
{
    [Fact]
    public void End_is_exclusive()
    {
        var span = new TextSpan(3, 4);
        Assert.Equal(7, span.End);
        Assert.True(span.Contains(6));
        Assert.False(span.Contains(7));
    }

    [Fact]
    public void Touching_spans_do_not_overlap()
    {
        Assert.False(TextSpan.FromBounds(0, 3).Overlaps(TextSpan.FromBounds(3, 5)));
        Assert.True(TextSpan.FromBounds(0, 4).Overlaps(TextSpan.FromBounds(3, 5)));
    }

    [Fact]
    public void FromBounds_rejects_an_end_before_the_start() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSpan.FromBounds(5, 4));
}
