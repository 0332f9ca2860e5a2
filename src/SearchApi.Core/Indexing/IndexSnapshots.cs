using System.Formats.Tar;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace SearchApi.Core.Indexing;

/// <summary>
/// Copies of a committed index, which a new replica starts from instead of building its index from the store: it opens
/// the copy and catches up from the copy's store sequence (the commit data says which store and schema it belongs to,
/// so a copy of another store's index, or of an older schema, is rebuilt as before).
/// </summary>
public static class IndexSnapshots
{
    private const int Attempts = 5;

    /// <summary>A pinned commit of a running index (<see cref="StatementIndex.PinLastCommit"/>) as a tar stream, one entry per file.</summary>
    public static async Task WriteTarAsync(PinnedCommit commit, Stream output, CancellationToken cancellationToken = default)
    {
        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var file in commit.Files)
            await tar.WriteEntryAsync(Path.Combine(commit.Folder, file), file, cancellationToken);
    }

    /// <summary>
    /// Copies the last commit of an index folder into <paramref name="target"/> without the writer (an operator's command
    /// beside a running service): when a newer commit removes a file during the copy, the newer commit is copied instead.
    /// </summary>
    /// <returns>The files copied.</returns>
    public static int CopyLastCommit(string indexFolder, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var directory = FSDirectory.Open(indexFolder);
            var commit = DirectoryReader.ListCommits(directory).LastOrDefault()
                ?? throw new InvalidOperationException("The index has no commit to copy.");
            try
            {
                System.IO.Directory.CreateDirectory(target);
                foreach (var file in commit.FileNames) File.Copy(Path.Combine(indexFolder, file), Path.Combine(target, file), overwrite: true);
                return commit.FileNames.Count;
            }
            catch (IOException) when (attempt < Attempts)
            {
                // A merge or a later commit of the running service removed a file of this commit: take the newer one.
                foreach (var file in System.IO.Directory.EnumerateFiles(target)) File.Delete(file);
            }
        }
    }

    /// <summary>Fills an empty folder from a snapshot: a folder of index files (copied) or a tar stream (extracted).</summary>
    public static void CopyFolder(string snapshot, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.EnumerateFiles(snapshot))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
    }

    /// <inheritdoc cref="CopyFolder"/>
    public static async Task ExtractTarAsync(Stream tar, string target, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(target);
        await TarFile.ExtractToDirectoryAsync(tar, target, overwriteFiles: true, cancellationToken);
    }
}
