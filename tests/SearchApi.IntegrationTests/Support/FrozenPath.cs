using System.Diagnostics;

namespace SearchApi.IntegrationTests.Support;

/// <summary>
/// A file that refuses writes, or a folder that refuses new files, as a read-only mount or a full disk does, until
/// disposed. Root ignores permission bits, so as root the path is made immutable (chattr +i, from e2fsprogs); otherwise
/// its write permission is removed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FrozenPath : IDisposable
{
    private readonly string _path;
    private readonly UnixFileMode _mode;

    public FrozenPath(string path)
    {
        _path = path;
        _mode = File.GetUnixFileMode(path);
        Set(frozen: true);
    }

    public void Dispose() => Set(frozen: false);

    private void Set(bool frozen)
    {
        if (Environment.UserName == "root")
        {
            using var chattr = Process.Start("chattr", [frozen ? "+i" : "-i", _path])!;
            chattr.WaitForExit();
            Assert.True(chattr.ExitCode == 0, $"chattr {(frozen ? "+i" : "-i")} {_path} failed: the test needs a file system with immutable files");
        }
        else File.SetUnixFileMode(_path, frozen ? _mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite) : _mode);
    }
}
