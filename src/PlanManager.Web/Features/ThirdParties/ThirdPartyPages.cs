using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.ThirdParties;

/// <summary>The owners, insurers and agents lists, the pickers' look-up, one party and how many jobs it is on.</summary>
public sealed class ThirdPartyPages(PlanManagerDbContext db)
{
    public Task<Page<ThirdPartyRow>> ListAsync(ThirdPartyKind kind, string? q, int? page, int? size, CancellationToken cancellationToken) =>
        Search(kind, q).OrderBy(t => t.NameKey).ThenBy(t => t.Id)
            .Select(t => new ThirdPartyRow(t.Id, t.Name, t.City, t.Phone, t.Email, t.VatNumber))
            .ToPageAsync(page, size, cancellationToken);

    public async Task<IReadOnlyList<ThirdPartyRow>> LookupAsync(ThirdPartyKind kind, string? q, int limit, CancellationToken cancellationToken) =>
        await Search(kind, q).OrderBy(t => t.NameKey).ThenBy(t => t.Id).Take(limit)
            .Select(t => new ThirdPartyRow(t.Id, t.Name, t.City, t.Phone, t.Email, t.VatNumber))
            .ToListAsync(cancellationToken);

    public Task<ThirdParty?> FindAsync(ThirdPartyKind kind, int id, CancellationToken cancellationToken) =>
        db.ThirdParties.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.Kind == kind, cancellationToken);

    public Task<int> LinkedJobsAsync(int id, CancellationToken cancellationToken) =>
        db.Jobs.CountAsync(j => j.OwnerId == id || j.InsurerId == id || j.AgentId == id, cancellationToken);

    private IQueryable<ThirdParty> Search(ThirdPartyKind kind, string? q)
    {
        var query = db.ThirdParties.AsNoTracking().Where(t => t.Kind == kind);
        var key = SearchKey.Normalize(q);

        // Any part of the name: a receptionist knows the surname as often as the first name.
        return key.Length == 0 ? query : query.Where(t => t.NameKey.Contains(key));
    }
}
