namespace PlanManager.Web.Domain;

/// <summary>An owner (the customer), insurer or agent linked to jobs (T1).</summary>
public class ThirdParty : IHasAddress, IStamped
{
    public int Id { get; set; }
    public ThirdPartyKind Kind { get; set; }
    public string Name { get; set; } = string.Empty;

    /// <summary>Upper-case letters and digits of <see cref="Name"/>, kept for indexed prefix search.</summary>
    public string NameKey { get; private set; } = string.Empty;

    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? VatNumber { get; set; }

    /// <summary>The work provider's code in CAPS (T2); edited only while CAPS is on.</summary>
    public string? CapsCode { get; set; }

    /// <summary>An owner's language for customer messages ("en", "nl", "fr"); set on the owner form or by the portal (M1).</summary>
    public string? Language { get; set; }

    /// <summary>The owner asked for no e-mails: no customer message is sent to them (M1).</summary>
    public bool NoEmails { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void RefreshSearchKeys() => NameKey = SearchKey.Normalize(Name);
}
