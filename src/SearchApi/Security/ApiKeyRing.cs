using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SearchApi.Options;

namespace SearchApi.Security;

public enum KeyCheck
{
    Missing,
    Invalid,
    Valid,
    Disabled,
}

/// <summary>
/// The API keys from configuration (SearchApi:ApiKeys), compared in constant time: each candidate is hashed and the
/// hashes compared with a fixed-time comparison, so neither the length nor the content of a key leaks through timing.
/// </summary>
public sealed class ApiKeyRing(IOptions<SearchApiOptions> options)
{
    public const string Header = "X-Api-Key";

    private readonly byte[][] _hashes = options.Value.ConfiguredApiKeys.Select(Hash).ToArray();

    public bool WritesEnabled => _hashes.Length > 0;

    /// <summary>Checks a presented key; on success <paramref name="keyId"/> names which key (for rate limits and logs, never the key itself).</summary>
    public KeyCheck Check(string? presented, out int keyId)
    {
        keyId = -1;
        if (string.IsNullOrEmpty(presented)) return WritesEnabled ? KeyCheck.Missing : KeyCheck.Disabled;
        var hash = Hash(presented);
        var match = -1;
        for (var i = 0; i < _hashes.Length; i++)
            if (CryptographicOperations.FixedTimeEquals(hash, _hashes[i])) match = i;
        keyId = match;
        if (match >= 0) return KeyCheck.Valid;
        return WritesEnabled ? KeyCheck.Invalid : KeyCheck.Disabled;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
