using System.Data;
using System.Globalization;
using Dapper;

namespace ThreeRC.Persistence;

/// <summary>
/// Stores Guids as canonical text and DateTimeOffsets as round-trip ("O") text, so both read back exactly,
/// offset included. Registered once per process.
/// </summary>
public static class SqliteTypeHandlers
{
    private static int _registered;

    /// <summary>Registers the handlers with Dapper; later calls do nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("D");
        }

        public override Guid Parse(object value) => value switch
        {
            string text => Guid.ParseExact(text, "D"),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"cannot read a Guid from {value.GetType().Name}"),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("O", CultureInfo.InvariantCulture);
        }

        public override DateTimeOffset Parse(object value) =>
            DateTimeOffset.ParseExact((string)value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}
