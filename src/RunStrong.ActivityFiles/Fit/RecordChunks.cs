using System.Collections;
using System.Runtime.CompilerServices;
using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles.Fit;

/// <summary>
/// The record stream as a list of fixed-size chunks, filled in place while decoding.
/// <para>
/// Why not one array: a long activity has ~100,000 records of 72 bytes. One array that size lands on the large
/// object heap, and allocating those per file triggers full (gen 2) collections: measured, that cost more than
/// decoding the file. Chunks of 1,024 records (73,728 bytes) stay under the 85,000-byte threshold, so they are
/// ordinary young-generation allocations; nothing is copied when the stream grows, and indexing stays O(1).
/// The first chunk starts small and grows up to the chunk size, so a short file does not pay for a full chunk.
/// </para>
/// </summary>
internal sealed class RecordChunks : IReadOnlyList<RecordPoint>
{
    internal const int ChunkShift = 10;
    internal const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private RecordPoint[][] _chunks;
    private int _chunkCount;
    private int _count;

    /// <param name="expected">A guess of the record count (from the real data length), to size the first chunk and the chunk directory.</param>
    public RecordChunks(int expected)
    {
        expected = Math.Clamp(expected, 8, int.MaxValue / 2);
        _chunks = new RecordPoint[(expected >> ChunkShift) + 1][];
        _chunks[0] = new RecordPoint[Math.Min(expected, ChunkSize)];
        _chunkCount = 1;
    }

    public int Count => _count;

    public RecordPoint this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the activity has {_count} records");
            }

            return _chunks[index >> ChunkShift][index & ChunkMask];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in RecordPoint record)
    {
        var chunk = _chunks[_chunkCount - 1];
        var offset = _count - ((_chunkCount - 1) << ChunkShift);
        if ((uint)offset >= (uint)chunk.Length)
        {
            chunk = Grow();
            offset = _count - ((_chunkCount - 1) << ChunkShift);
        }

        chunk[offset] = record;
        _count++;
    }

    /// <summary>Forgets the records from <paramref name="count"/> on.</summary>
    public void Truncate(int count)
    {
        if (count >= _count)
        {
            return;
        }

        _count = Math.Max(count, 0);
        _chunkCount = Math.Max(1, (_count + ChunkMask) >> ChunkShift);
        for (var i = _chunkCount; i < _chunks.Length; i++)
        {
            _chunks[i] = null!;
        }
    }

    /// <summary>Gives back the unused tail of the last chunk (the list is read-only after this).</summary>
    public void TrimExcess()
    {
        var last = _chunkCount - 1;
        var used = _count - (last << ChunkShift);
        if (used < _chunks[last].Length)
        {
            _chunks[last] = _chunks[last][..used];
        }
    }

    public IEnumerator<RecordPoint> GetEnumerator()
    {
        var remaining = _count;
        for (var c = 0; c < _chunkCount && remaining > 0; c++)
        {
            var chunk = _chunks[c];
            var n = Math.Min(remaining, chunk.Length);
            for (var i = 0; i < n; i++)
            {
                yield return chunk[i];
            }

            remaining -= n;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private RecordPoint[] Grow()
    {
        var last = _chunkCount - 1;
        if (_chunks[last].Length < ChunkSize)
        {
            // Only the first chunk is ever short: double it up to the chunk size.
            var bigger = new RecordPoint[Math.Min(ChunkSize, _chunks[last].Length * 2)];
            _chunks[last].CopyTo(bigger, 0);
            return _chunks[last] = bigger;
        }

        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }

        // Not zeroed: RecordPoint holds no references, and no slot is read before Add writes it (Count guards them).
        return _chunks[_chunkCount++] = GC.AllocateUninitializedArray<RecordPoint>(ChunkSize);
    }
}
