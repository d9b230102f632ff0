using PlanManager.Web.Domain;

namespace PlanManager.Tests.Builders;

/// <summary>Test data for owners, insurers and agents (T1, T2).</summary>
public sealed class PartyBuilder
{
    private readonly ThirdParty _party;

    private PartyBuilder(ThirdPartyKind kind, string name) => _party = new ThirdParty { Kind = kind, Name = name };

    public static PartyBuilder Owner(string name = "Élise Vandenbroucke") => new(ThirdPartyKind.Owner, name);
    public static PartyBuilder Insurer(string name = "Aviva") => new(ThirdPartyKind.Insurer, name);
    public static PartyBuilder Agent(string name = "Marsh") => new(ThirdPartyKind.Agent, name);

    public PartyBuilder CapsCode(string? code) { _party.CapsCode = code; return this; }
    public PartyBuilder Phone(string? phone) { _party.Phone = phone; return this; }
    public PartyBuilder Email(string? email) { _party.Email = email; return this; }
    public PartyBuilder City(string? city) { _party.City = city; return this; }

    public ThirdParty Build()
    {
        _party.RefreshSearchKeys();
        return _party;
    }

    public static implicit operator ThirdParty(PartyBuilder builder) => builder?.Build() ?? throw new ArgumentNullException(nameof(builder));
}
