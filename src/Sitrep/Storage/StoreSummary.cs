namespace Sitrep.Storage;

/// <summary>How much a store holds: row counts per contract list.</summary>
public sealed record StoreSummary(
    int SchemaVersion,
    long Articles,
    long Sentences,
    long Entities,
    long Places,
    long Times,
    long Quotes,
    long Events);
