namespace RunStrong.Web.Accounts;

/// <summary>Who may make an account: <c>RunStrong:Registration</c> is <c>invite</c> (the default), <c>open</c> or <c>closed</c>.</summary>
public sealed class RegistrationPolicy(IConfiguration configuration)
{
    public const string Key = "RunStrong:Registration";

    public RegistrationMode Mode { get; } = (configuration[Key]?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "invite" or "invite-only" => RegistrationMode.InviteOnly,
        "open" => RegistrationMode.Open,
        "closed" => RegistrationMode.Closed,
        var other => throw new InvalidOperationException($"{Key}: '{other}' is not a registration mode; use invite, open or closed."),
    };
}

public enum RegistrationMode
{
    /// <summary>Only with a one-time invitation link from the owner.</summary>
    InviteOnly,

    /// <summary>Anyone who reaches the server may make an account.</summary>
    Open,

    /// <summary>Nobody; the owner's account is the only one (and invitations are refused).</summary>
    Closed,
}
