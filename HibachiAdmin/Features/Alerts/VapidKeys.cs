using System.Security.Cryptography;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// The app's VAPID key pair: generated on first use (P-256, base64url as browsers and Lib.Net.Http.WebPush take them)
/// and stored in the database, so every instance and every restart signs with the same keys and existing browser
/// subscriptions keep working. Two instances generating at once: the insert of one wins and both read it.
/// </summary>
public sealed class VapidKeys(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    private VapidKeyPair? _keys;

    public async Task<VapidKeyPair> GetAsync(CancellationToken ct)
    {
        if (_keys is { } known)
        {
            return known;
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<VapidKeyPair>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct) is { } stored)
            {
                return _keys = stored;
            }
        }
        var fresh = Generate(time.GetUtcNow().UtcDateTime);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Add(fresh);
            await db.SaveChangesAsync(ct);
            return _keys = fresh;
        }
        catch (DbUpdateException)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return _keys = await db.Set<VapidKeyPair>().AsNoTracking().FirstAsync(k => k.Id == 1, ct);
        }
    }

    public static VapidKeyPair Generate(DateTime now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        var publicKey = new byte[65];
        publicKey[0] = 0x04;
        p.Q.X!.CopyTo(publicKey, 1);
        p.Q.Y!.CopyTo(publicKey, 33);
        return new VapidKeyPair { PublicKey = Base64Url(publicKey), PrivateKey = Base64Url(p.D!), CreatedAt = now };
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
