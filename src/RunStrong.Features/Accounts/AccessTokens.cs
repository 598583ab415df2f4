using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Accounts;

/// <summary>
/// Personal access tokens: <c>rs_</c> and 43 URL-safe characters (32 random bytes). The token is shown once; the
/// database keeps its SHA-256, which is enough for a secret of 256 random bits (nothing to brute-force, unlike a
/// password), and its first characters so the runner can tell tokens apart.
/// </summary>
public static class AccessTokens
{
    public const string TokenPrefix = "rs_";

    public const int MaxNameLength = 100;

    public const int MaxExpiryDays = 3650;

    /// <summary>Every token reads; write adds every change.</summary>
    public static readonly string[] AllScopes = ["read", "write"];

    public sealed record Request(string? Name, IReadOnlyList<string>? Scopes, int? ExpiresInDays);

    /// <summary>A new token: <see cref="Token"/> is shown now and never again.</summary>
    public sealed record Created(long Id, string Name, string Token, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? ExpiresAt);

    public sealed record Item(
        long Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt,
        DateTime? RevokedAt, bool Active);

    /// <summary>Who a valid token speaks for.</summary>
    public sealed record Holder(long TokenId, Guid UserId, bool CanWrite)
    {
        /// <summary>The account's data stamp and time zone, read with the token (null: the account has no runner row).</summary>
        public HotReads.Stamp? Stamp { get; init; }
    }

    public static async Task<Created> CreateAsync(
        RunStrongDbContext db, Guid userId, Request request, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new UserInputException("name", "give the token a name, such as the computer or script that will use it");
        }

        if (name.Length > MaxNameLength)
        {
            throw new UserInputException("name", $"at most {MaxNameLength} characters (this one has {name.Length})");
        }

        var scopes = (request.Scopes ?? ["read"]).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToArray();
        if (scopes.FirstOrDefault(s => !AllScopes.Contains(s)) is { } unknown)
        {
            throw new UserInputException("scopes", $"'{unknown}' is not a scope; use read, or read and write");
        }

        if (request.ExpiresInDays is < 1 or > MaxExpiryDays)
        {
            throw new UserInputException("expiresInDays", $"{request.ExpiresInDays} is out of range: 1 to {MaxExpiryDays} days, or none for no expiry");
        }

        var canWrite = scopes.Contains("write");
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new AccessToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(token),
            Prefix = token[..10],
            CanWrite = canWrite,
            CreatedAt = now,
            ExpiresAt = request.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(row.Id, row.Name, token, ScopesOf(canWrite), row.CreatedAt, row.ExpiresAt);
    }

    public static async Task<Item[]> ListAsync(RunStrongDbContext db, Guid userId, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.AccessTokens.Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(t => new Item(
            t.Id, t.Name, t.Prefix + "…", ScopesOf(t.CanWrite), t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt,
            t.RevokedAt is null && (t.ExpiresAt is null || t.ExpiresAt > now))).ToArray();
    }

    /// <summary>Revokes one of the user's tokens; it stops working at once on every node.</summary>
    public static async Task RevokeAsync(RunStrongDbContext db, Guid userId, long id, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.AccessTokens.Where(t => t.Id == id && t.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, t => t.RevokedAt ?? now), cancellationToken);
        if (found == 0)
        {
            throw new UserInputException("id", $"no access token {id}", notFound: true);
        }
    }

    /// <summary>The holder of <paramref name="token"/>, or null when it is unknown, revoked or expired.</summary>
    /// <summary>
    /// The holder of a token that is known, not revoked and not expired; null otherwise. Read with <see cref="HotReads"/>
    /// (one statement, which also brings the account's data stamp); the last use is written at most once a minute,
    /// through a context made only then.
    /// </summary>
    public static async Task<Holder?> AuthenticateAsync(
        HotReads reads, Func<RunStrongDbContext> db, string token, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(token);
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await reads.FindTokenAsync(Hash(token), cancellationToken);
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return null;
        }

        // Last use to the minute is enough to tell a runner which tokens are idle, without a write per request.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db().AccessTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return new Holder(row.Id, row.UserId, row.CanWrite) { Stamp = row.Stamp is { } stamp ? new HotReads.Stamp(stamp, row.TimeZone) : null };
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string[] ScopesOf(bool canWrite) => canWrite ? ["read", "write"] : ["read"];
}
