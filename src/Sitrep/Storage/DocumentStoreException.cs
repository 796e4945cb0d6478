namespace Sitrep.Storage;

/// <summary>The store cannot be used as it is: a schema newer than this build, an unknown store URI, a missing server.</summary>
public sealed class DocumentStoreException : Exception
{
    public DocumentStoreException()
    {
    }

    public DocumentStoreException(string message)
        : base(message)
    {
    }

    public DocumentStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
