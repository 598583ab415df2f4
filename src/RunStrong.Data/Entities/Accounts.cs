using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunStrong.Data.Entities;

/// <summary>
/// A person who signs in. An account's <see cref="IdentityUser{TKey}.Id"/> is also the id of the <see cref="Runner"/>
/// whose data it owns; the owner account created through the setup link takes <see cref="Runner.LocalId"/>, so the
/// data of a single-user install becomes the owner's.
/// </summary>
public sealed class RunStrongUser : IdentityUser<Guid>
{
    public DateTime CreatedAt { get; set; }

    /// <summary>The account created through the setup link: it invites others and sees the server's settings.</summary>
    public bool IsOwner { get; set; }
}

/// <summary>
/// A personal access token for the API and the CLI. Only the SHA-256 of the token is kept; the token itself is shown
/// once, when it is made.
/// </summary>
public sealed class AccessToken
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token's first characters, so a runner can tell their tokens apart (<c>rs_AbC1…</c>).</summary>
    public required string Prefix { get; set; }

    /// <summary>Read scope is always granted; write adds every change (POST, PUT, PATCH, DELETE).</summary>
    public bool CanWrite { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>A runner shares their plan and log with a coach's account, read-only or with plan editing.</summary>
public sealed class CoachShare
{
    public long Id { get; set; }

    /// <summary>The runner who shares (an account id, and so a runner id).</summary>
    public Guid RunnerId { get; set; }

    /// <summary>The coach's account.</summary>
    public Guid CoachId { get; set; }

    public bool CanEditPlans { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>What a one-time link is for.</summary>
public static class InvitationKinds
{
    /// <summary>Creates the owner account on a server that has none; printed on the console at start.</summary>
    public const string Setup = "setup";

    /// <summary>Lets one person register while registration is invite-only.</summary>
    public const string Invite = "invite";
}

/// <summary>A one-time link (setup or invitation). Only the SHA-256 of its secret is kept.</summary>
public sealed class Invitation
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string TokenHash { get; set; }

    public Guid? CreatedBy { get; set; }

    /// <summary>A note for the inviter (who it is for); never used to send anything.</summary>
    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public Guid? UsedBy { get; set; }
}

internal sealed class AccountsConfiguration :
    IEntityTypeConfiguration<RunStrongUser>, IEntityTypeConfiguration<AccessToken>, IEntityTypeConfiguration<CoachShare>,
    IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<RunStrongUser> user)
    {
        user.Property(u => u.IsOwner);
    }

    public void Configure(EntityTypeBuilder<AccessToken> token)
    {
        token.ToTable("AccessTokens");
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.Property(t => t.Prefix).HasMaxLength(16);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.HasOne<RunStrongUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CoachShare> share)
    {
        share.ToTable("CoachShares");
        share.HasIndex(s => new { s.RunnerId, s.CoachId }).IsUnique();
        share.HasIndex(s => s.CoachId);
        share.HasOne<Runner>().WithMany().HasForeignKey(s => s.RunnerId).OnDelete(DeleteBehavior.Cascade);
        share.HasOne<RunStrongUser>().WithMany().HasForeignKey(s => s.CoachId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.ToTable("Invitations");
        invitation.Property(i => i.Kind).HasMaxLength(10);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.Note).HasMaxLength(200);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
    }
}
