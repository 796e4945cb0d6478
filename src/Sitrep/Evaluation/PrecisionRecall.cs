using System.Globalization;

namespace Sitrep.Evaluation;

/// <summary>
/// Precision, recall and F1 from counts. Precision counts system items that are right and recall gold items
/// that are found; the two differ when one system span overlaps two gold spans.
/// </summary>
public readonly record struct PrecisionRecall(int SystemCorrect, int Predicted, int GoldCorrect, int Expected)
{
    public double Precision => Predicted == 0 ? 0 : (double)SystemCorrect / Predicted;

    public double Recall => Expected == 0 ? 0 : (double)GoldCorrect / Expected;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Exact-match counts, where a correct item is both a right system item and a found gold one.</summary>
    public static PrecisionRecall FromCounts(int gold, int predicted, int correct) => new(correct, predicted, correct, gold);

    public static PrecisionRecall operator +(PrecisionRecall a, PrecisionRecall b) =>
        new(a.SystemCorrect + b.SystemCorrect, a.Predicted + b.Predicted, a.GoldCorrect + b.GoldCorrect, a.Expected + b.Expected);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"P {Precision:0.000}  R {Recall:0.000}  F1 {F1:0.000}");
}
