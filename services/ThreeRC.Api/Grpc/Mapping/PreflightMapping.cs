using ThreeRC.Contracts.Operations;
using V1 = ThreeRC.Api.V1;

namespace ThreeRC.Api.Grpc.Mapping;

public static class PreflightMapping
{
    /// <summary>The answers, in a steady order; passed only when every module answered and every finding passed.</summary>
    public static V1.RunPreflightResponse ToResponse(IReadOnlyList<PreflightAnswered> answers)
    {
        var response = new V1.RunPreflightResponse();
        response.Answers.AddRange(answers.OrderBy(answer => answer.Process).ThenBy(answer => answer.Instance).Select(ToProto));
        response.MissingModules.AddRange(PreflightModules.All.Where(module => !answers.Any(answer => answer.Modules.Contains(module))));
        response.Passed = response.MissingModules.Count == 0 && answers.All(answer => answer.Findings.All(finding => finding.Passed));
        return response;
    }

    private static V1.PreflightAnswer ToProto(PreflightAnswered answer)
    {
        var proto = new V1.PreflightAnswer { Process = answer.Process, Instance = answer.Instance ?? "" };
        proto.Modules.AddRange(answer.Modules);
        proto.Findings.AddRange(answer.Findings.Select(finding => new V1.PreflightFinding
        {
            Module = finding.Module,
            Check = finding.Check,
            Subject = finding.Subject,
            Passed = finding.Passed,
            Detail = finding.Detail,
        }));
        return proto;
    }
}
