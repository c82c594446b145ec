namespace ThreeRC.Placement.Options;

/// <summary>The <c>Placement</c> configuration section.</summary>
public sealed class PlacementOptions
{
    public const string SectionName = "Placement";

    /// <summary>
    /// The five-minute load one VM is expected to add to its host. Every reservation and every VM started in the
    /// last <see cref="LoadSettleTime"/> adds it to the host's reported load_five, which lags behind.
    /// </summary>
    public double ExpectedLoadPerVm { get; set; } = 1.0;

    /// <summary>How long a started VM keeps counting as an arrival: load_five's window, after which the report shows it.</summary>
    public TimeSpan LoadSettleTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a reservation holds room on its host without a restart result before it is released.</summary>
    public TimeSpan ReservationLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often expired reservations are released, settled arrivals forgotten and waiting requests retried.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether Ganglia's mem_free must also have room for the VM, on top of the inventory's memory accounting.</summary>
    public bool UseReportedFreeMemory { get; set; } = true;
}
