namespace SearchApi.Hosting;

/// <summary>Whether the index is open and caught up with the store, so that searches give complete answers.</summary>
public sealed class IndexReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
