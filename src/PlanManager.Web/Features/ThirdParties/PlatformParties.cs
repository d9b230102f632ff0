using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.ThirdParties;

/// <summary>
/// The one rule for the owner and insurer a platform or the portal names (decision 0010): an
/// insurer is the one with that CAPS code, else the one with that name; an owner is the one with
/// that name and the same phone or e-mail. One that is not known is created in the caller's unit of
/// work. Parties created earlier in the same unit of work (two assignments of one customer on one
/// import page) are found too.
/// </summary>
public sealed class PlatformParties(PlanManagerDbContext db)
{
    /// <summary>
    /// Insurers found in the database in this unit of work, by lookup: while one is still tracked and still matches, it is the
    /// answer the query would give again (the lowest Id; a party made since has a higher one), so an import page of 200
    /// assignments naming a dozen insurers asks the database a dozen times, not 200. A cleared change tracker (a page saved
    /// again after a clash) detaches them, and they are asked for again.
    /// </summary>
    private readonly Dictionary<string, ThirdParty> _found = new(StringComparer.Ordinal);

    public async Task<ThirdParty?> InsurerAsync(string? capsCode, string? name, CancellationToken cancellationToken)
    {
        var code = Text.Clean(capsCode);
        var cleanName = Text.Clean(name);
        if (code is null && cleanName is null)
        {
            return null;
        }

        var key = SearchKey.Normalize(cleanName);
        var insurer = code is not null
            ? await FindAsync(ThirdPartyKind.Insurer, t => t.CapsCode == code, "code:" + code, cancellationToken)
            : await FindAsync(ThirdPartyKind.Insurer, t => t.NameKey == key, "name:" + key, cancellationToken);
        return insurer ?? Create(ThirdPartyKind.Insurer, cleanName ?? code!, capsCode: code);
    }

    public async Task<ThirdParty?> OwnerAsync(string? name, string? phone, string? email, CancellationToken cancellationToken)
    {
        if (Text.Clean(name) is not { } cleanName)
        {
            return null;
        }

        var key = SearchKey.Normalize(cleanName);
        var cleanPhone = Text.Clean(phone);
        var cleanEmail = Text.Clean(email);
        var owner = cleanPhone is null && cleanEmail is null
            ? null
            : await FindAsync(ThirdPartyKind.Owner, t => t.NameKey == key
                && ((cleanPhone != null && t.Phone == cleanPhone) || (cleanEmail != null && t.Email == cleanEmail)), null, cancellationToken);
        return owner ?? Create(ThirdPartyKind.Owner, cleanName, phone: cleanPhone, email: cleanEmail);
    }

    /// <param name="lookup">Names the lookup for <see cref="_found"/>; null asks the database every time.</param>
    private async Task<ThirdParty?> FindAsync(ThirdPartyKind kind, System.Linq.Expressions.Expression<Func<ThirdParty, bool>> match, string? lookup,
        CancellationToken cancellationToken)
    {
        // Compiled only when there is a party in memory to test: compiling is the dearest step of a lookup the database answers.
        Func<ThirdParty, bool>? compiled = null;
        bool Matches(ThirdParty party) => (compiled ??= match.Compile())(party);
        if (Unsaved(kind).FirstOrDefault(Matches) is { } unsaved)
        {
            return unsaved;
        }

        if (lookup is not null && _found.TryGetValue(lookup, out var known)
            && db.Entry(known).State is EntityState.Unchanged or EntityState.Modified && Matches(known))
        {
            return known;
        }

        var found = await db.ThirdParties.Where(t => t.Kind == kind).Where(match).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (lookup is not null && found is not null)
        {
            _found[lookup] = found;
        }

        return found;
    }

    /// <summary>
    /// The parties added in this unit of work and not saved yet. Read without DetectChanges: they were added to the context
    /// (<see cref="Create"/>), so they are tracked already, and a DetectChanges over every tracked row for each party named
    /// made an import page quadratic (half of the queueing-off import's time, issue 18).
    /// </summary>
    private List<ThirdParty> Unsaved(ThirdPartyKind kind)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ThirdParties.Local.Where(t => t.Id == 0 && t.Kind == kind).ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private ThirdParty Create(ThirdPartyKind kind, string name, string? capsCode = null, string? phone = null, string? email = null)
    {
        var party = new ThirdParty
        {
            Kind = kind,
            Name = Text.Clip(name, PartyLimits.Name)!,
            CapsCode = Text.Clip(capsCode, PartyLimits.CapsCode),
            Phone = Text.Clip(phone, PartyLimits.Phone),
            Email = Text.Clip(email, PartyLimits.Email),
        };
        party.RefreshSearchKeys();
        db.ThirdParties.Add(party);
        return party;
    }
}
