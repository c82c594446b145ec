using System.Text;
using MassTransit;
using MassTransit.SagaStateMachine;

namespace ThreeRC.Orchestrator.Tests.Documentation;

/// <summary>MassTransit's own graph of a state machine (<c>GetGraph()</c>) as two Markdown tables: what each state takes, and where each event leads.</summary>
internal static class StateTable
{
    public static string Render<TSaga>(StateMachine<TSaga> machine)
        where TSaga : class, SagaStateMachineInstance
    {
        var graph = machine.GetGraph();
        var edges = graph.Edges.ToList();
        var states = machine.States.Select(state => state.Name).Where(name => edges.Any(edge => edge.From.Title == name || edge.To.Title == name));
        var text = new StringBuilder();
        text.AppendLine("| state | takes |").AppendLine("|---|---|");
        foreach (var state in states)
        {
            var events = edges.Where(edge => IsState(edge.From) && edge.From.Title == state).Select(edge => edge.To.Title).Distinct().Order(StringComparer.Ordinal);
            text.AppendLine($"| `{state}` | {(events.Any() ? string.Join(", ", events.Select(name => $"`{name}`")) : "—")} |");
        }

        text.AppendLine().AppendLine("| event | can lead to |").AppendLine("|---|---|");
        foreach (var @event in edges.Where(edge => !IsState(edge.From)).GroupBy(edge => edge.From.Title).OrderBy(group => group.Key, StringComparer.Ordinal))
            text.AppendLine($"| `{@event.Key}` | {string.Join(", ", @event.Select(edge => edge.To.Title).Distinct().Order(StringComparer.Ordinal).Select(name => $"`{name}`"))} |");
        return text.ToString();
    }

    private static bool IsState(Vertex vertex) => vertex.VertexType == typeof(State);
}
