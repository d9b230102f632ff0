using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.ThirdParties;

/// <summary>
/// Keeps the customer search's name words (<see cref="ThirdPartyNameWord"/>, decision 0023) in step with the names: in every
/// save, a party added or whose name changed gets exactly the keys of its new name, in the same SaveChanges. The staff forms,
/// the portal and the platforms' imports all create and rename parties through SaveChanges, so none can forget it; a deleted
/// party's words go with it (cascade).
/// </summary>
public sealed class PartyNameWordsNotice : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is PlanManagerDbContext db)
        {
            await RewriteAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData?.Context is PlanManagerDbContext db)
        {
            // The app saves asynchronously; a synchronous save (tools, tests) gets the same rule.
            RewriteAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private static async Task RewriteAsync(PlanManagerDbContext db, CancellationToken cancellationToken)
    {
        var parties = db.ChangeTracker.Entries<ThirdParty>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(p => p.Name).IsModified))
            .ToList();
        if (parties.Count == 0)
        {
            return;
        }

        var renamed = parties.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        if (renamed.Count > 0)
        {
            // The words already stored join the change tracker, attached to their (tracked) party.
            await db.ThirdPartyNameWords.Where(w => renamed.Contains(w.ThirdPartyId)).LoadAsync(cancellationToken);
        }

        var current = db.ChangeTracker.Entries<ThirdPartyNameWord>()
            .Where(e => e.State != EntityState.Deleted && e.Entity.ThirdParty is not null)
            .ToLookup(e => e.Entity.ThirdParty!, ReferenceEqualityComparer.Instance);
        foreach (var party in parties.Select(e => e.Entity))
        {
            var wanted = SearchKey.NameWords(party.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var word in current[party])
            {
                if (!wanted.Remove(word.Entity.Word))
                {
                    // A word added earlier in this unit of work is simply forgotten; a stored one is deleted.
                    word.State = word.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
                }
            }

            foreach (var word in wanted)
            {
                db.ThirdPartyNameWords.Add(new ThirdPartyNameWord { ThirdParty = party, Word = word });
            }
        }
    }
}
