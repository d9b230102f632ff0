using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Shared;

/// <summary>
/// A search-as-you-type field that picks an owner, insurer or agent (T1): a visible name and a
/// hidden id. Typing clears the id, so a stale pick is never saved under a new name.
/// </summary>
public sealed record PartyPickerModel(
    ThirdPartyKind Kind,
    string IdField,
    int? Id,
    string TextField,
    string? Text,
    string Label,
    string? Error,
    bool AllowNew);
