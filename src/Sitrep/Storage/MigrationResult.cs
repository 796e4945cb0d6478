using System.Collections.Immutable;

namespace Sitrep.Storage;

/// <summary>The schema version before and after <see cref="IDocumentStore.MigrateAsync"/>, and the migrations it applied.</summary>
public sealed record MigrationResult(int FromVersion, int ToVersion, ImmutableArray<string> Applied);
