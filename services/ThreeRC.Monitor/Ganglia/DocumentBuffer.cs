using System.Buffers;

namespace ThreeRC.Monitor.Ganglia;

/// <summary>The bytes of one document in a pooled array that refuses to grow past the size limit.</summary>
internal sealed class DocumentBuffer(int limit) : IDisposable
{
    private const int InitialSize = 64 * 1024;
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, limit + 1));

    public int Length { get; private set; }

    /// <summary>Room for the next read, never reaching more than one byte past the limit: enough to see a document is too large.</summary>
    public Memory<byte> FreeSpace()
    {
        if (Length == _bytes.Length) Grow();
        return _bytes.AsMemory(Length, Math.Min(_bytes.Length, limit + 1) - Length);
    }

    public void Advance(int count)
    {
        Length += count;
        if (Length > limit)
            throw new GangliaSourceException($"sent a document larger than the {limit} bytes Monitor:MaxDocumentBytes allows");
    }

    public Stream AsStream() => new MemoryStream(_bytes, 0, Length, writable: false);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_bytes.Length * 2, limit + 1));
        _bytes.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
