using CsCheck;
using Lucene.Net.Store;
using SearchApi.Core.Indexing;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Indexing;

/// <summary>The index's file reader: the bytes read are the bytes written, whatever the order; memory stays in its budget; a file cut short under it is an exception, never a fault.</summary>
public sealed class PagedDirectoryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private byte[] WriteFile(string name, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        File.WriteAllBytes(_folder.File(name), bytes);
        return bytes;
    }

    [Fact]
    public void Random_seeks_and_reads_of_every_kind_give_the_bytes_written()
    {
        var bytes = WriteFile("data.bin", 3 * IndexPageCache.PageSize + 1_234);
        using var directory = new PagedDirectory(new DirectoryInfo(_folder.Path), new IndexPageCache(2 * IndexPageCache.PageSize));
        using var input = directory.OpenInput("data.bin", IOContext.DEFAULT);
        Gen.Select(Gen.Int[0, bytes.Length - 16], Gen.Int[0, 3], Gen.Int[1, IndexPageCache.PageSize + 100]).Sample((at, kind, length) =>
        {
            // A clone per case, as Lucene reads: clones share pages and position nothing in the original.
            using var reader = (IndexInput)input.Clone();
            reader.Seek(at);
            switch (kind)
            {
                case 0:
                    Assert.Equal(bytes[at], reader.ReadByte());
                    break;
                case 1:
                    Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at)), reader.ReadInt32());
                    break;
                case 2:
                    Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(at)), reader.ReadInt64());
                    break;
                default:
                    var take = Math.Min(length, bytes.Length - at);
                    var read = new byte[take];
                    reader.ReadBytes(read, 0, take);
                    Assert.Equal(bytes.AsSpan(at, take).ToArray(), read);
                    break;
            }
        }, iter: 10_000, threads: 1);
        Assert.Throws<EndOfStreamException>(() => { input.Seek(bytes.Length); input.ReadByte(); });
    }

    [Fact]
    public void Variable_length_numbers_written_by_Lucene_read_back_across_page_boundaries()
    {
        var values = Enumerable.Range(0, 20_000).Select(i => (long)i * i * 31 % (1L << 40)).ToArray();
        using (var writer = FSDirectory.Open(_folder.Path))
        using (var output = writer.CreateOutput("numbers.bin", IOContext.DEFAULT))
            foreach (var value in values)
            {
                output.WriteVInt32((int)(value & 0x7FFFFFFF));
                output.WriteVInt64(value);
            }
        using var directory = new PagedDirectory(new DirectoryInfo(_folder.Path), new IndexPageCache(IndexPageCache.PageSize));
        using var input = directory.OpenInput("numbers.bin", IOContext.DEFAULT);
        foreach (var value in values)
        {
            Assert.Equal((int)(value & 0x7FFFFFFF), input.ReadVInt32());
            Assert.Equal(value, input.ReadVInt64());
        }
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void Pages_held_stay_within_the_budget_and_are_given_back_when_files_close()
    {
        WriteFile("big.bin", 64 * IndexPageCache.PageSize);
        var cache = new IndexPageCache(8 * IndexPageCache.PageSize);
        using var directory = new PagedDirectory(new DirectoryInfo(_folder.Path), cache);
        using (var input = directory.OpenInput("big.bin", IOContext.DEFAULT))
        {
            var buffer = new byte[IndexPageCache.PageSize];
            for (var page = 0; page < 64; page++) input.ReadBytes(buffer, 0, buffer.Length);
            Assert.InRange(cache.UsedBytes, 1, cache.BudgetBytes);
        }
        Assert.Equal(0, cache.UsedBytes);
    }

    [Fact]
    public void A_file_cut_short_under_an_open_input_is_an_exception_for_the_read_and_nothing_worse()
    {
        var bytes = WriteFile("cut.bin", 10 * IndexPageCache.PageSize);
        using var directory = new PagedDirectory(new DirectoryInfo(_folder.Path), new IndexPageCache(64 * IndexPageCache.PageSize));
        using var input = directory.OpenInput("cut.bin", IOContext.DEFAULT);
        Assert.Equal(bytes[0], input.ReadByte());

        using (var file = new FileStream(_folder.File("cut.bin"), FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) file.SetLength(IndexPageCache.PageSize);

        // The page already read is still served; one past the cut fails with an exception the service turns into 503.
        input.Seek(100);
        Assert.Equal(bytes[100], input.ReadByte());
        input.Seek(5 * IndexPageCache.PageSize);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }
}
