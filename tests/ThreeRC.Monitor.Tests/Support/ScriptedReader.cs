using System.Collections.Concurrent;
using ThreeRC.Monitor.Ganglia;

namespace ThreeRC.Monitor.Tests.Support;

/// <summary>Sources whose next answer the test sets: a gmond-format document, or a failure.</summary>
internal sealed class ScriptedReader : IGangliaReader
{
    private readonly ConcurrentDictionary<string, Func<GangliaDocument>> _answers = new();

    public void Answer(string source, params string[] hosts)
    {
        var document = GmondXml.Parse(GmondXml.Document(hosts));
        _answers[source] = () => document;
    }

    public void Fail(string source, string reason) => _answers[source] = () => throw new GangliaSourceException(reason);

    public Task<GangliaDocument> ReadAsync(GangliaSource source, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(_answers[source.ToString()]());
        }
        catch (GangliaSourceException e)
        {
            return Task.FromException<GangliaDocument>(e);
        }
    }
}
