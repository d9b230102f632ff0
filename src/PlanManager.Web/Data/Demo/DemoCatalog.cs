using System.Globalization;

namespace PlanManager.Web.Data.Demo;

/// <summary>Names, vehicles and places that make the demo database look like a real bodyshop's.</summary>
internal static class DemoCatalog
{
    public sealed record DemoRepairer(string Name, string Street, string PostalCode, string City, string Country, string Phone, string Email, string Vat, string? ExternalReference);

    public static readonly DemoRepairer[] Repairers =
    [
        new("Carrosserie Janssens", "Industrieweg 12", "9000", "Gent", "BE", "+32 9 222 33 44", "info@janssens-carrosserie.be", "BE0456123789", "0456123789"),
        new("Garage Dubois Carrosserie", "Rue de la Station 45", "5000", "Namur", "BE", "+32 81 22 45 67", "atelier@dubois-carrosserie.be", "BE0789456123", "0789456123"),
        new("Autoschade Van Dijk", "Kanaalweg 8", "3526 KL", "Utrecht", "NL", "+31 30 288 1234", "planning@vandijk-autoschade.nl", "NL812345678B01", null),
        new("Smith & Sons Accident Repair", "Unit 4, Kirkstall Road", "LS3 1LH", "Leeds", "GB", "+44 113 496 0123", "bookings@smithandsons.co.uk", "GB123456789", null),
    ];

    public static readonly string[] Insurers =
    [
        "AG Insurance", "Ethias", "KBC Verzekeringen", "AXA Belgium", "Baloise Insurance", "P&V Verzekeringen",
        "Centraal Beheer", "Nationale-Nederlanden", "Aviva", "Direct Line", "Admiral", "LV=",
    ];

    public static readonly Dictionary<string, string> CapsCodes = new()
    {
        ["Aviva"] = "AVIVA01",
        ["Direct Line"] = "DLINE02",
        ["Admiral"] = "ADMRL03",
        ["LV="] = "LVEQ04",
    };

    public static readonly string[] Agents =
    [
        "Verzekeringen Claes", "Bureau Peeters & Co", "Assurances Lambert", "Van Ginderen Makelaars", "Hughes Insurance Brokers",
    ];

    public static readonly string[] FirstNames =
    [
        "Jan", "Els", "Pieter", "An", "Luc", "Sofie", "Marc", "Lies", "Tom", "Inge", "Julie", "Thomas", "Marie", "Nicolas",
        "Camille", "Sarah", "David", "Emma", "James", "Olivia", "Oliver", "Sanne", "Daan", "Fleur",
    ];

    public static readonly string[] LastNames =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois",
        "Lambert", "Dupont", "Martin", "Leclercq", "Smith", "Jones", "Taylor", "Brown", "de Vries", "van den Berg", "Bakker",
    ];

    public static readonly string[] Cities = ["Gent", "Antwerpen", "Brugge", "Namur", "Liège", "Leuven", "Utrecht", "Leeds", "York", "Mechelen"];

    public static readonly (string Make, string Model)[] Vehicles =
    [
        ("BMW", "3-SERIES 330E"), ("BMW", "X1 SDRIVE18I"), ("Volkswagen", "Golf 1.5 TSI"), ("Volkswagen", "Polo"), ("Renault", "Clio"),
        ("Peugeot", "308 SW"), ("Citroën", "C3"), ("Toyota", "Yaris Hybrid"), ("Audi", "A4 Avant"), ("Mercedes-Benz", "A 180"),
        ("Volvo", "XC40 Recharge"), ("Skoda", "Octavia Combi"), ("Ford", "Focus"), ("Ford", "Fiesta"), ("Kia", "Niro EV"),
        ("Tesla", "Model 3"), ("Opel", "Corsa"), ("Vauxhall", "Astra"), ("Nissan", "Qashqai"), ("Hyundai", "Tucson"),
    ];

    public static readonly string[] BodyTypes = ["Hatchback", "Saloon", "Estate", "SUV", "MPV", "Coupé"];

    public static readonly string[] Colours = ["Black", "White", "Silver", "Grey", "Blue", "Red", "Green"];

    public static readonly string[] Damages =
    [
        "Rear bumper dented after parking collision.", "Front left wing and headlamp damaged.", "Hail damage on roof and bonnet.",
        "Driver door scratched, mirror broken.", "Windscreen cracked; front bumper scuffed.", "Rear quarter panel pushed in.",
    ];

    public static readonly string[] Tasks = ["Dismantling", "Panel beating", "Preparation", "Paint booth", "Assembly", "Polishing", "Quality check"];

    private const string Letters = "ABCDEFGHJKLMNPRSTVWXYZ";

    /// <summary>A plate in the format of the repairer's country.</summary>
    public static string Plate(Random random, string? country) => country switch
    {
        "GB" => $"{L(random)}{L(random)}{random.Next(10, 75)} {L(random)}{L(random)}{L(random)}",
        "NL" => $"{L(random)}{L(random)}-{random.Next(100, 999)}-{L(random)}",
        _ => $"{random.Next(1, 3)}-{L(random)}{L(random)}{L(random)}-{random.Next(100, 999).ToString(CultureInfo.InvariantCulture)}",
    };

    public static string Vin(Random random)
    {
        const string chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        return "WVW" + new string(Enumerable.Range(0, 14).Select(_ => chars[random.Next(chars.Length)]).ToArray());
    }

    private static char L(Random random) => Letters[random.Next(Letters.Length)];
}
