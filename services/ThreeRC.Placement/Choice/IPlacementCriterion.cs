using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice;

/// <summary>One condition a host must meet to take a VM.</summary>
internal interface IPlacementCriterion
{
    /// <summary>How a host that fails it is described in a reason, such as "at or over load threshold".</summary>
    string Failure { get; }

    bool Allows(HostState host, PlacementRequest request);
}
