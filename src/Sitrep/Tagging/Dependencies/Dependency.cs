namespace Sitrep.Tagging.Dependencies;

/// <summary>
/// A token's syntactic arc: the index in <see cref="Documents.Document.Tokens"/> of its head (-1 for the root of its
/// sentence) and its Universal Dependencies relation («nsubj:pass» for «Les forces» in «Les forces russes ont été
/// chassées de Kharkiv»: the forces are acted upon).
/// </summary>
public readonly record struct Dependency(int Head, string Relation)
{
    public bool IsRoot => Head < 0;
}
