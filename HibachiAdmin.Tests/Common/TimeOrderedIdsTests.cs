using System.Collections.Concurrent;
using HibachiAdmin.Common;

namespace HibachiAdmin.Tests.Common;

public sealed class TimeOrderedIdsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 16, 24, 11, 445, TimeSpan.Zero);

    [Fact]
    public void An_id_is_an_RFC_9562_version_7_uuid_that_starts_with_the_time_in_unix_milliseconds()
    {
        var id = TimeOrderedIds.Next(At);
        var bytes = id.ToByteArray(bigEndian: true);
        Assert.Equal(At.ToUnixTimeMilliseconds(), (long)bytes[0] << 40 | (long)bytes[1] << 32 | (long)bytes[2] << 24 | (long)bytes[3] << 16 | (long)bytes[4] << 8 | bytes[5]);
        Assert.Equal(0x7, bytes[6] >> 4);
        Assert.Equal(0b10, bytes[8] >> 6);
        Assert.Equal(7, id.Version);
        // The same layout .NET's own generator writes for that instant.
        Assert.Equal(Guid.CreateVersion7(At).ToString("N")[..12], id.ToString("N")[..12]);
    }

    [Fact]
    public void Ids_sort_by_their_time_and_ids_of_one_instant_differ()
    {
        var earlier = TimeOrderedIds.Next(At);
        var later = TimeOrderedIds.Next(At.AddMilliseconds(1));
        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
        // Many ids from several threads at once (each thread has its own generator): no two alike,
        // and the 74 random bits really vary (every hex digit of the random part takes many values).
        var ids = new ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                ids.Add(TimeOrderedIds.Next(At));
            }
        });
        Assert.Equal(40_000, ids.Distinct().Count());
        var texts = ids.Select(i => i.ToString("N")).ToList();
        foreach (var position in new[] { 13, 14, 15, 17, 20, 25, 31 })
        {
            Assert.True(texts.Select(t => t[position]).Distinct().Count() == 16, $"hex digit {position} takes all 16 values");
        }
        Assert.All(texts, t => Assert.Equal('7', t[12]));
    }

    [Fact]
    public void A_time_before_1970_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeOrderedIds.Next(new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero)));
}
