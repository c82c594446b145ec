using System.Net.Http.Json;

namespace ThreeRC.Api.Notifications;

/// <summary>POSTs each notice as JSON; any answer but 2xx is a failure to retry.</summary>
public sealed class WebhookChannel(int index, WebhookTarget target, IHttpClientFactory http) : INotificationChannel
{
    private readonly Uri _url = new(target.Url);

    public string Name => $"webhook-{index}";

    public async Task SendAsync(Notice notice, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = JsonContent.Create(notice) };
        if (target is { HeaderName: { } name, HeaderValueFile: { } file })
            request.Headers.TryAddWithoutValidation(name, (await File.ReadAllLinesAsync(file, cancellationToken)).FirstOrDefault()?.Trim());
        using var response = await http.CreateClient(nameof(WebhookChannel)).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{_url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}
