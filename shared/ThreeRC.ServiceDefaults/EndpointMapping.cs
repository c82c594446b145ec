using Microsoft.AspNetCore.Routing;

namespace ThreeRC.ServiceDefaults;

/// <summary>A module's endpoints, mapped when the host maps its default endpoints.</summary>
internal sealed record EndpointMapping(Action<IEndpointRouteBuilder> Map);
