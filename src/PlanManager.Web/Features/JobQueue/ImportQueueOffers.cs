using Microsoft.EntityFrameworkCore;
using PlanManager.Connectors.AudatexUk;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Common;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.JobQueue;

/// <summary>What an import came to: the platform's answer, and how many new items it added.</summary>
public sealed record ImportOutcome(ConnectorOutcome Outcome, int Added, int Refused)
{
    public bool Succeeded => Outcome == ConnectorOutcome.Ok;
}

/// <summary>
/// Imports the open offers of a platform into the Job Queue when the page is opened (Q1, Q2; as in
/// the original, there is no background import). The unique (platform, external id) index makes it
/// idempotent: an offer seen twice, or by two users opening the page at once, gives one item.
/// </summary>
public sealed partial class ImportQueueOffers(
    PlanManagerDbContext db,
    ICapsApi caps,
    IAudatexUkApi audatex,
    ConnectorGateway gateway,
    TimeProvider clock,
    ILogger<ImportQueueOffers> logger)
{
    public async Task<ImportOutcome> HandleAsync(ConnectorKind platform, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<QueueItem> incoming;
        if (platform == ConnectorKind.Caps)
        {
            var result = await gateway.CallAsync(ConnectorPlatform.Caps, "GET offers", null, ct => caps.GetOffersAsync(ct), cancellationToken);
            if (!result.Succeeded)
            {
                return new ImportOutcome(result.Outcome, 0, 0);
            }

            incoming = (result.Value?.Offers ?? []).Select(o => FromCaps(o, now)).ToList();
        }
        else
        {
            var result = await gateway.CallAsync(ConnectorPlatform.AudatexUk, "GET claims", null, ct => audatex.GetClaimsAsync("new", ct), cancellationToken);
            if (!result.Succeeded)
            {
                return new ImportOutcome(result.Outcome, 0, 0);
            }

            incoming = (result.Value?.Claims ?? []).Select(c => FromAudatex(c, now)).ToList();
        }

        var valid = incoming.Where(IsAcceptable).DistinctBy(i => i.ExternalId, StringComparer.Ordinal).ToList();
        var refused = incoming.Count - valid.Count;
        if (refused > 0)
        {
            LogRefused(logger, platform, refused);
        }

        var ids = valid.Select(i => i.ExternalId).ToList();
        var known = await db.QueueItems.AsNoTracking()
            .Where(q => q.Platform == platform && ids.Contains(q.ExternalId))
            .Select(q => q.ExternalId)
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var item in valid.Where(i => !known.Contains(i.ExternalId, StringComparer.Ordinal)))
        {
            db.QueueItems.Add(item);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                db.Entry(item).State = EntityState.Detached;
                if (!await ExistsAsync(platform, item.ExternalId, cancellationToken))
                {
                    throw;
                }

                // Someone else imported it a moment earlier: the unique index kept it to one item.
            }
        }

        return new ImportOutcome(ConnectorOutcome.Ok, added, refused);
    }

    private Task<bool> ExistsAsync(ConnectorKind platform, string externalId, CancellationToken cancellationToken) =>
        db.QueueItems.AsNoTracking().AnyAsync(q => q.Platform == platform && q.ExternalId == externalId, cancellationToken);

    /// <summary>The same rules as the pages: an offer without its key data, or longer than the columns, is refused and logged, never half-saved.</summary>
    internal static bool IsAcceptable(QueueItem item) =>
        !string.IsNullOrWhiteSpace(item.ExternalId) && item.ExternalId.Length <= 100
        && !string.IsNullOrWhiteSpace(item.ClaimNumber) && item.ClaimNumber.Length <= 100
        && !string.IsNullOrWhiteSpace(item.Registration) && item.Registration.Length <= 20
        && Fits(item.InsurerCapsCode, 50) && Fits(item.InsurerName, 200) && Fits(item.Make, 100) && Fits(item.Model, 100)
        && Fits(item.Vin, 17) && Fits(item.CustomerName, 200) && Fits(item.CustomerPhone, 50) && Fits(item.CustomerEmail, 256)
        && Fits(item.DamageDescription, 2000);

    private static bool Fits(string? value, int length) => value is null || value.Length <= length;

    internal static QueueItem FromCaps(CapsOffer offer, DateTimeOffset now) => new()
    {
        Platform = ConnectorKind.Caps,
        ExternalId = offer.OfferId?.Trim() ?? string.Empty,
        ClaimNumber = offer.ClaimNumber?.Trim() ?? string.Empty,
        InsurerCapsCode = Clean(offer.InsurerCapsCode),
        InsurerName = Clean(offer.InsurerName),
        Registration = offer.Registration?.Trim() ?? string.Empty,
        Make = Clean(offer.Make),
        Model = Clean(offer.Model),
        Vin = Clean(offer.Vin),
        CustomerName = Clean(offer.CustomerName),
        CustomerPhone = Clean(offer.CustomerPhone),
        CustomerEmail = Clean(offer.CustomerEmail),
        LossDate = offer.LossDate,
        DamageDescription = Clean(offer.DamageDescription),
        OfferedAt = offer.OfferedAt,
        ExpiresAt = offer.ExpiresAt,
        ImportedAt = now,
    };

    internal static QueueItem FromAudatex(AudatexClaim claim, DateTimeOffset now) => new()
    {
        Platform = ConnectorKind.AudatexUk,
        ExternalId = claim.ClaimId?.Trim() ?? string.Empty,
        ClaimNumber = claim.ClaimNumber?.Trim() ?? string.Empty,
        InsurerName = Clean(claim.InsurerName),
        Registration = claim.Registration?.Trim() ?? string.Empty,
        Make = Clean(claim.Make),
        Model = Clean(claim.Model),
        CustomerName = Clean(claim.CustomerName),
        CustomerPhone = Clean(claim.CustomerPhone),
        LossDate = claim.IncidentDate,
        OfferedAt = claim.NotifiedAt,
        ImportedAt = now,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} import refused {Count} offers with missing or too long data")]
    private static partial void LogRefused(ILogger logger, ConnectorKind platform, int count);
}
