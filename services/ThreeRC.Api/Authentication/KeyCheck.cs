namespace ThreeRC.Api.Authentication;

/// <summary>What <see cref="OperatorKey.Check"/> found: each transport words its own refusal.</summary>
public enum KeyCheck
{
    Allowed,
    NoKeyConfigured,
    Missing,
    Invalid,
}
