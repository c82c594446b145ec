using System.Text;
using ThreeRC.Inventory.Model;

namespace ThreeRC.Placement.Choice;

/// <summary>Which hosts failed which criterion (the first each failed), for a reason an operator can act on.</summary>
internal sealed class Rejections(IReadOnlyList<IPlacementCriterion> criteria)
{
    private const int NamesShown = 3;
    private readonly int[] _counts = new int[criteria.Count];
    private readonly List<string>[] _names = criteria.Select(_ => new List<string>()).ToArray();

    public void Add(int criterion, string hostName)
    {
        _counts[criterion]++;
        if (_names[criterion].Count < NamesShown) _names[criterion].Add(hostName);
    }

    public string Describe(VirtualMachine vm)
    {
        var total = _counts.Sum();
        if (total == 0) return $"no host can take {vm.Name}: the inventory has no physical host";
        var reason = new StringBuilder($"no host can take {vm.Name} ({vm.MemoryMb} MiB) now; of {total} hosts: ");
        var separator = "";
        for (var i = 0; i < criteria.Count; i++)
        {
            if (_counts[i] == 0) continue;
            reason.Append(separator).Append(criteria[i].Failure).Append(" (").Append(_counts[i]).Append("): ").AppendJoin(", ", _names[i]);
            if (_counts[i] > NamesShown) reason.Append(", …");
            separator = "; ";
        }

        return reason.ToString();
    }
}
