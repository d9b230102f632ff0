using System.Globalization;
using PlanManager.Connectors.AudatexUk;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using PlanManager.Connectors.Informex;

namespace PlanManager.Sandbox;

/// <summary>Believable demo data: UK and Belgian plates, real makes and insurers, estimates with lines.</summary>
internal static class SandboxData
{
    private static readonly (string Make, string Model)[] Vehicles =
    [
        ("BMW", "3-SERIES 330E"), ("Ford", "Focus"), ("Vauxhall", "Corsa"), ("Volkswagen", "Golf"), ("Audi", "A3 Sportback"),
        ("Toyota", "C-HR"), ("Peugeot", "2008"), ("Renault", "Mégane"), ("Skoda", "Octavia"), ("Mercedes-Benz", "C 200"),
    ];

    private static readonly string[] People = ["Sarah Thompson", "James Wilson", "Priya Patel", "Tom Hughes", "Emma Clarke", "Oliver Reid"];
    private static readonly string[] BelgianPeople = ["Jan Peeters", "Sofie Maes", "Luc Dubois", "Marie Lambert", "Pieter Claes", "Nathalie Renard"];
    private static readonly (string Code, string Name)[] UkInsurers = [("AVIVA01", "Aviva"), ("DLINE02", "Direct Line"), ("ADMRL03", "Admiral"), ("LVEQ04", "LV=")];
    private static readonly string[] BelgianInsurers = ["AG Insurance", "Ethias", "KBC Verzekeringen", "AXA Belgium", "Baloise Insurance"];
    private const string Letters = "ABCDEFGHJKLMNPRSTVWXYZ";

    public static List<CapsOffer> CapsOffers(DateTimeOffset now)
    {
        var random = new Random(614);
        return Enumerable.Range(1, 6).Select(i =>
        {
            var (make, model) = Vehicles[random.Next(Vehicles.Length)];
            var insurer = UkInsurers[random.Next(UkInsurers.Length)];
            return new CapsOffer(
                OfferId: $"OF-2026-{i:000000}",
                ClaimNumber: $"CLM-{random.Next(100000, 999999)}",
                InsurerCapsCode: insurer.Code,
                InsurerName: insurer.Name,
                Registration: UkPlate(random),
                Make: make,
                Model: model,
                Vin: null,
                CustomerName: People[random.Next(People.Length)],
                CustomerPhone: $"07{random.Next(100, 999)} {random.Next(100000, 999999)}",
                CustomerEmail: null,
                LossDate: DateOnly.FromDateTime(now.AddDays(-random.Next(2, 20)).Date),
                DamageDescription: "Rear-end collision; bumper and tailgate damaged.",
                OfferedAt: now.AddHours(-random.Next(1, 72)),
                ExpiresAt: now.AddDays(2));
        }).ToList();
    }

    public static List<AudatexClaim> AudatexClaims(DateTimeOffset now)
    {
        var random = new Random(1999);
        return Enumerable.Range(1, 4).Select(i =>
        {
            var (make, model) = Vehicles[random.Next(Vehicles.Length)];
            return new AudatexClaim(
                ClaimId: $"AX-{i:00000}",
                ClaimNumber: $"AXC{random.Next(1000000, 9999999)}",
                InsurerName: UkInsurers[random.Next(UkInsurers.Length)].Name,
                Registration: UkPlate(random),
                Make: make,
                Model: model,
                CustomerName: People[random.Next(People.Length)],
                CustomerPhone: $"07{random.Next(100, 999)} {random.Next(100000, 999999)}",
                IncidentDate: DateOnly.FromDateTime(now.AddDays(-random.Next(2, 20)).Date),
                NotifiedAt: now.AddHours(-random.Next(1, 48)));
        }).ToList();
    }

    /// <summary>A bodyshop's assignments, the same every time for the same carrosserieId.</summary>
    public static List<Claims360Assignment> Claims360Assignments(string carrosserieId, int count, DateTimeOffset now)
    {
        var random = new Random(StableHash(carrosserieId));
        var start = now.AddDays(-30);
        return Enumerable.Range(1, count).Select(i =>
        {
            var (make, model) = Vehicles[random.Next(Vehicles.Length)];
            var created = start.AddMinutes(i * (43200.0 / Math.Max(count, 1)));
            var hasDossier = i % 3 == 0;
            return new Claims360Assignment(
                AssignmentNumber: (8902300 + i).ToString(CultureInfo.InvariantCulture),
                Complete: i % 2 == 0,
                Work: i % 4 == 0 ? "Mechanica" : "Carrosserie",
                Make: make,
                Model: model,
                LicensePlate: BelgianPlate(random),
                Vin: null,
                Mileage: random.Next(5000, 200000),
                CustomerName: BelgianPeople[random.Next(BelgianPeople.Length)],
                RepairerName: null,
                InsurerName: BelgianInsurers[random.Next(BelgianInsurers.Length)],
                ClaimNumber: $"{random.Next(10, 99)}/{random.Next(100000, 999999)}",
                SmartExpertise: i % 5 == 0,
                DossierId: hasDossier ? $"D360-{carrosserieId}-{i}" : null,
                CreatedAt: created,
                UpdatedAt: created.AddMinutes(30));
        }).ToList();
    }

    public static List<InformexTransmission> InformexTransmissions(string mailbox, DateTimeOffset now)
    {
        var random = new Random(StableHash(mailbox) ^ 0x5A5A);
        return Enumerable.Range(1, 6).Select(i =>
        {
            var (make, model) = Vehicles[random.Next(Vehicles.Length)];
            return new InformexTransmission(
                AssignmentNumber: $"D21-{4500 + i:000000}",
                InsurerName: BelgianInsurers[random.Next(BelgianInsurers.Length)],
                ClaimNumber: $"{random.Next(10, 99)}/{random.Next(100000, 999999)}",
                LicensePlate: BelgianPlate(random),
                Vin: null,
                Make: make,
                Model: model,
                CustomerName: BelgianPeople[random.Next(BelgianPeople.Length)],
                ReceivedAt: now.AddDays(-7).AddHours(i * 20));
        }).ToList();
    }

    public static EstimateDto Estimate(string dossierId, int version, DateTimeOffset now)
    {
        var lines = new List<EstimateLineDto>
        {
            new(1, "labour", "T10", "Remove and refit front bumper", 1.5m, 62m, 93m),
            new(2, "part", "5N0807221", "Front bumper cover", 1, 389.40m, 389.40m),
            new(3, "paint", "P20", "Paint front bumper, two-coat metallic", 1, 241.75m, 241.75m),
            new(4, "other", null, "Environmental surcharge", 1, 12.50m, 12.50m),
        };
        if (version > 1)
        {
            lines.Add(new(5, "part", "5N0941005", "Headlamp left (found on strip-down)", 1, 512m, 512m));
        }

        var excl = lines.Sum(l => l.Amount);
        var vat = Math.Round(excl * 0.21m, 2);
        return new EstimateDto($"EST-{dossierId}", version, "EUR", 3.5m, excl, vat, excl + vat, now, lines);
    }

    public static string UkPlate(Random random) =>
        $"{L(random)}{L(random)}{random.Next(10, 75)} {L(random)}{L(random)}{L(random)}";

    public static string BelgianPlate(Random random) =>
        $"{random.Next(1, 3)}{L(random)}{L(random)}{L(random)}{random.Next(100, 999)}";

    private static char L(Random random) => Letters[random.Next(Letters.Length)];

    private static int StableHash(string value)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in value)
            {
                hash = (hash * 31) + c;
            }

            return hash;
        }
    }
}

/// <summary>What the sandbox will offer, for the demo data to line up with it (a job whose plate has a transmission).</summary>
public static class SandboxCatalog
{
    /// <summary>The plates of the Informex transmissions the sandbox sends to this mailbox (stable per mailbox).</summary>
    public static IReadOnlyList<string> InformexPlates(string mailbox) =>
        SandboxData.InformexTransmissions(mailbox, DateTimeOffset.UnixEpoch).Select(t => t.LicensePlate).ToList();
}
