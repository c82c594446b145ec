namespace ThreeRC.Api.Authentication;

/// <summary>Marks an RPC that changes something: it needs the operator key, whatever Api:RequireKeyForReads says.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OperatorCommandAttribute : Attribute;
