using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SearchApi.Options;

namespace SearchApi.Hosting;

/// <summary>
/// The key that signs paging cursors: from SearchApi:CursorSecret when set, else derived from the store's identity, so
/// that every replica of one store accepts the cursors of the others. Set once the store is migrated, before requests.
/// </summary>
public sealed class CursorKeys(IOptions<SearchApiOptions> options)
{
    private byte[]? _key;

    public byte[] Key => _key ?? throw new InvalidOperationException("Cursor keys are set when the service starts.");

    public void UseStore(string storeId)
    {
        var material = options.Value.CursorSecret is { } secret ? "secret:" + secret : "store:" + storeId;
        _key = SHA256.HashData(Encoding.UTF8.GetBytes(material));
    }
}
