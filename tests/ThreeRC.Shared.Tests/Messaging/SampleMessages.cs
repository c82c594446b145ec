using System.Reflection;
using ThreeRC.Contracts.Monitoring;

namespace ThreeRC.Shared.Tests.Messaging;

/// <summary>Every message record of ThreeRC.Contracts, each with a sample value in every field.</summary>
internal static class SampleMessages
{
    public static IReadOnlyList<Type> Types { get; } = typeof(HostUnresponsive).Assembly.GetExportedTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetMethod("<Clone>$") is not null)
        .Where(type => !IsPart(type))
        .OrderBy(type => type.FullName)
        .ToList();

    public static object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType, p.Name!)).ToArray());
    }

    /// <summary>Records that only appear inside messages (HostLoad, RecoveryStepRecord).</summary>
    private static bool IsPart(Type type) =>
        typeof(HostUnresponsive).Assembly.GetExportedTypes().Any(other => other != type && other.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Any(p => p.ParameterType.IsGenericType && p.ParameterType.GetGenericArguments()[0] == type));

    private static object? Sample(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return $"{name}-sample";
        if (underlying == typeof(Guid)) return Guid.Parse("6f1c2f9e-1d4b-4a52-9a0e-3b7f6c1d2e4f");
        if (underlying == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        if (underlying == typeof(TimeSpan)) return TimeSpan.FromSeconds(187.123);
        if (underlying == typeof(int)) return 7;
        if (underlying == typeof(long)) return 1_234_567_890_123L;
        if (underlying == typeof(double)) return 1.25;
        if (underlying == typeof(bool)) return true;
        if (underlying.IsEnum) return Enum.GetValues(underlying).GetValue(Enum.GetValues(underlying).Length - 1);
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = underlying.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(element == typeof(string) ? $"{name}-first" : Create(element));
            list.Add(element == typeof(string) ? $"{name}-second" : Create(element));
            return list;
        }

        throw new NotSupportedException($"no sample for {type} ({name}); add one");
    }
}
