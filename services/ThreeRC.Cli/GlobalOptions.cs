using System.CommandLine;

namespace ThreeRC.Cli;

/// <summary>The options every command takes.</summary>
public static class GlobalOptions
{
    public const string DefaultApi = "http://127.0.0.1:5087";
    public const string ApiVariable = "THREERC_API";
    public const string ApiKeyVariable = "THREERC_API_KEY";
    public const string OperatorVariable = "THREERC_OPERATOR";

    public static readonly Option<string> Api = new("--api")
    {
        Description = $"The Api's gRPC address [env {ApiVariable}; default {DefaultApi}]",
        HelpName = "url",
        Recursive = true,
    };

    /// <summary>No default value here: help would print the key from the environment.</summary>
    public static readonly Option<string> ApiKey = new("--api-key")
    {
        Description = $"The API key operator commands need [env {ApiKeyVariable}]",
        HelpName = "key",
        Recursive = true,
    };

    public static readonly Option<string> Output = new Option<string>("--output", "-o")
    {
        Description = "table for people, json for tools",
        DefaultValueFactory = _ => "table",
        Recursive = true,
    }.AcceptOnlyFromAmong("table", "json");

    public static readonly Option<string> Operator = new("--as")
    {
        Description = $"Who you are, recorded with operator commands [env {OperatorVariable}; default your login name]",
        HelpName = "login",
        Recursive = true,
    };

    public static string ApiAddress(ParseResult parsed) =>
        parsed.GetValue(Api) ?? NonEmpty(Environment.GetEnvironmentVariable(ApiVariable)) ?? DefaultApi;

    public static string? Key(ParseResult parsed) =>
        NonEmpty(parsed.GetValue(ApiKey)) ?? NonEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable));

    public static string OperatorName(ParseResult parsed) =>
        parsed.GetValue(Operator) ?? NonEmpty(Environment.GetEnvironmentVariable(OperatorVariable)) ?? Environment.UserName.ToLowerInvariant();

    public static bool Json(ParseResult parsed) => parsed.GetValue(Output) == "json";

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
