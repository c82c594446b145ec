namespace ThreeRC.Api.Feed;

/// <summary>An event as the watch stream delivers it.</summary>
/// <param name="Sequence">Increases by one for every event since the Api started.</param>
/// <param name="Kind">The message type name.</param>
/// <param name="Facts">What it says.</param>
/// <param name="PayloadJson">The whole message as JSON.</param>
public sealed record FeedEvent(long Sequence, string Kind, EventFacts Facts, string PayloadJson);
