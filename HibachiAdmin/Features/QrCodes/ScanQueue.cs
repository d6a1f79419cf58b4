using System.Net;
using System.Threading.Channels;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// The bounded queue between the redirect and <see cref="ScanWriter"/>: the redirect never waits for
/// the database. When the queue is full (the database far behind) a scan is dropped and counted rather
/// than slowing redirects down.
/// </summary>
public sealed class ScanQueue
{
    private readonly Channel<ScanEvent> _channel;
    private long _accepted;
    private long _dropped;

    public ScanQueue(IConfiguration configuration)
    {
        Capacity = Math.Max(1, configuration.GetValue("Qr:ScanQueueCapacity", 100_000));
        _channel = Channel.CreateBounded<ScanEvent>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int Capacity { get; }

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Pending => _channel.Reader.Count;

    public bool TryEnqueue(ScanEvent scan)
    {
        if (_channel.Writer.TryWrite(scan))
        {
            Interlocked.Increment(ref _accepted);
            return true;
        }
        Interlocked.Increment(ref _dropped);
        return false;
    }

    internal ChannelReader<ScanEvent> Reader => _channel.Reader;

    /// <summary>No more scans (shutdown): the writer drains what is left and stops.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
