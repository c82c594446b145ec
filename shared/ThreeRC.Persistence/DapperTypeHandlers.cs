using System.Data;
using System.Globalization;
using Dapper;

namespace ThreeRC.Persistence;

/// <summary>
/// Stores Guids as canonical text, DateTimeOffsets as round-trip ("O") text and booleans as 0 or 1, so that all three
/// read back exactly, offset included, and every provider stores them in the same column types (TEXT, TEXT, an
/// integer). A null of these types is typed too: PostgreSQL cannot tell the type of an untyped null in
/// <c>@p IS NULL</c>. Registered once per process.
/// </summary>
public static class DapperTypeHandlers
{
    private static int _registered;

    /// <summary>Registers the handlers with Dapper; later calls do nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Add(typeof(Guid), new Handler(DbType.String, value => ((Guid)value).ToString("D"), ParseGuid));
        Add(typeof(DateTimeOffset), new Handler(DbType.String, value => ((DateTimeOffset)value).ToString("O", CultureInfo.InvariantCulture), ParseOffset));
        Add(typeof(bool), new Handler(DbType.Int64, value => (bool)value ? 1L : 0L, ParseBoolean));
    }

    private static void Add(Type type, SqlMapper.ITypeHandler handler)
    {
        var nullable = typeof(Nullable<>).MakeGenericType(type);
        SqlMapper.RemoveTypeMap(type);
        SqlMapper.RemoveTypeMap(nullable);
        SqlMapper.AddTypeHandler(type, handler);
        SqlMapper.AddTypeHandler(nullable, handler);
    }

    private static object ParseGuid(object value) => value switch
    {
        string text => Guid.ParseExact(text, "D"),
        byte[] bytes => new Guid(bytes),
        _ => throw new DataException($"cannot read a Guid from {value.GetType().Name}"),
    };

    private static object ParseOffset(object value) =>
        DateTimeOffset.ParseExact((string)value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static object ParseBoolean(object value) => value is bool flag ? flag : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;

    private sealed class Handler(DbType type, Func<object, object> write, Func<object, object> read) : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = type;
            parameter.Value = value is null or DBNull ? DBNull.Value : write(value);
        }

        public object Parse(Type destinationType, object value) => read(value);
    }
}
