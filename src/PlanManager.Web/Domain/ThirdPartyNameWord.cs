namespace PlanManager.Web.Domain;

/// <summary>
/// One search key of a party's name (<see cref="SearchKey.NameWords"/>): the customer search finds a party by a prefix of any
/// word of its name through an index range (decision 0023). Written only by <c>PartyNameWordsNotice</c> and the start-up backfill.
/// </summary>
public class ThirdPartyNameWord
{
    public int ThirdPartyId { get; set; }
    public string Word { get; set; } = string.Empty;
    public ThirdParty? ThirdParty { get; set; }
}
