using Spectre.Console;

namespace ThreeRC.Cli.Output;

public static class Tables
{
    public static Table Create(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        foreach (var column in columns) table.AddColumn(new TableColumn(Markup.Escape(column)));
        return table;
    }

    /// <summary>A framed list of name and value pairs, such as an incident's facts.</summary>
    public static Panel Facts(string title, IEnumerable<(string Name, string Value)> facts)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (name, value) in facts) grid.AddRow(new Text(name), new Text(value));
        return new Panel(grid) { Header = new PanelHeader(Markup.Escape(title)) };
    }

    /// <summary>Adds a row of plain text: nothing in the values is read as Spectre markup.</summary>
    public static Table AddText(this Table table, params string[] cells) => table.AddRow(cells.Select(cell => new Text(cell)));
}
