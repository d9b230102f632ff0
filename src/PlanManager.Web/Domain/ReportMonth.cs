namespace PlanManager.Web.Domain;

/// <summary>
/// The Reports page's figures of one repairer in one month of the bodyshop's calendar, kept so the page reads
/// a few rows instead of every job of its months (decision 0021). The cycle part counts the cars that left in
/// the month (as <c>ReportFigures.CycleTimesAsync</c> does), the sources part the jobs opened in it.
/// </summary>
public class ReportMonth
{
    /// <summary>The first day of the bodyshop's calendar month.</summary>
    public DateOnly Month { get; set; }

    public int RepairerId { get; set; }

    public int CarsLeft { get; set; }

    /// <summary>The cars that left with an arrival time at or before leaving: the ones keys to keys counts.</summary>
    public int CarsWithArrival { get; set; }

    public long KeysToKeysTicks { get; set; }

    public long EstimateToDeliveryTicks { get; set; }

    public int OpenedStaff { get; set; }
    public int OpenedPortal { get; set; }
    public int OpenedCaps { get; set; }
    public int OpenedAudatexUk { get; set; }
    public int OpenedClaims360 { get; set; }
    public int OpenedInformex { get; set; }

    public bool IsEmpty => CarsLeft == 0 && Opened(JobSource.Staff) + Opened(JobSource.Portal) + Opened(JobSource.Caps)
        + Opened(JobSource.AudatexUk) + Opened(JobSource.Claims360) + Opened(JobSource.Informex) == 0;

    /// <summary>The jobs opened in the month from one source.</summary>
    public int Opened(JobSource source) => source switch
    {
        JobSource.Staff => OpenedStaff,
        JobSource.Portal => OpenedPortal,
        JobSource.Caps => OpenedCaps,
        JobSource.AudatexUk => OpenedAudatexUk,
        JobSource.Claims360 => OpenedClaims360,
        JobSource.Informex => OpenedInformex,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "A job source without a column in ReportMonths."),
    };

    public void SetOpened(JobSource source, int count)
    {
        switch (source)
        {
            case JobSource.Staff: OpenedStaff = count; break;
            case JobSource.Portal: OpenedPortal = count; break;
            case JobSource.Caps: OpenedCaps = count; break;
            case JobSource.AudatexUk: OpenedAudatexUk = count; break;
            case JobSource.Claims360: OpenedClaims360 = count; break;
            case JobSource.Informex: OpenedInformex = count; break;
            default: throw new ArgumentOutOfRangeException(nameof(source), source, "A job source without a column in ReportMonths.");
        }
    }
}

/// <summary>
/// A mark that one repairer's month of <see cref="ReportMonth"/> must be recomputed, written in the same SaveChanges as the
/// job change that caused it (decision 0021). <see cref="AllRepairers"/> marks the month of every repairer (a job saved
/// with a repairer that had no id yet).
/// </summary>
public class ReportMonthChange
{
    public const int AllRepairers = 0;

    public long Id { get; set; }

    public int RepairerId { get; set; }

    public DateOnly Month { get; set; }
}
