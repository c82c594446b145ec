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

    /// <summary>Adds a row of plain text: nothing in the values is read as Spectre markup.</summary>
    public static Table AddText(this Table table, params string[] cells) => table.AddRow(cells.Select(cell => new Text(cell)));
}
