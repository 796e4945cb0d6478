using System.Text.Json;

namespace Sitrep.Tests.Cli;

public sealed class ExtractCommandTests
{
    private static string Sample(string name) => Path.Combine(TestPaths.RepositoryRoot, "samples", name);

    [Fact]
    public void Text_from_standard_input_gives_one_contract_object()
    {
        CliResult result = CliRunner.Run("Les forces russes ont été chassées de Kharkiv. Le siège continue.", "extract", "-", "--published", "2022-05-14");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("sitrep/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal("2022-05-14", json.RootElement.GetProperty("article").GetProperty("published").GetString());
        foreach (string field in new[] { "entities", "places", "times", "quotes", "events", "sentences" })
        {
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public void Conllu_format_prints_each_token_with_its_head_and_relation()
    {
        CliResult result = CliRunner.Run("Les forces russes ont été chassées de Kharkiv.", "extract", "-", "--format", "conllu");
        Assert.Equal(0, result.ExitCode);
        string[][] rows = [.. result.Output.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => l.Split('\t'))];
        Assert.Equal(9, rows.Length);
        Assert.All(rows, r => Assert.Equal(10, r.Length));
        Assert.Equal(["forces", "6", "nsubj:pass"], [rows[1][1], rows[1][6], rows[1][7]]);
        Assert.Equal(1, rows.Count(r => r[6] == "0"));
        Assert.Contains("# text = Les forces russes ont été chassées de Kharkiv.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_lines_batch_prints_one_line_per_article_with_its_id()
    {
        CliResult result = CliRunner.Run(null, "extract", Sample("batch.jsonl"), "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["sample-fr-1", "sample-en-1", "sample-fr-2"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("article").GetProperty("id").GetString()));
    }

    [Fact]
    public void A_bad_line_in_a_batch_prints_an_error_object_and_the_batch_goes_on()
    {
        const string batch = "{\"id\":\"a\",\"text\":\"Bonjour à tous.\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\",\"published\":\"hier\",\"text\":\"x\"}\n{\"id\":\"d\",\"text\":\"Fin.\"}\n";
        CliResult result = CliRunner.Run(batch, "extract", "-", "--input-format", "jsonl", "--format", "jsonl");
        Assert.Equal(2, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("error", out _));
        Assert.Equal("c", JsonDocument.Parse(lines[2]).RootElement.GetProperty("article").GetProperty("id").GetString());
        Assert.Equal("d", JsonDocument.Parse(lines[3]).RootElement.GetProperty("article").GetProperty("id").GetString());
        Assert.Contains("2 of 4 articles failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_gives_an_array_in_a_stable_order()
    {
        CliResult result = CliRunner.Run(null, "extract", Path.Combine(TestPaths.RepositoryRoot, "samples"));
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(5, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("no such file", "extract", "does-not-exist.txt")]
    [InlineData("not a date", "extract", "-", "--published", "mardi")]
    [InlineData("not an ISO 639-1 code", "extract", "-", "--lang", "french")]
    public void Bad_arguments_exit_non_zero_with_a_one_line_reason(string reason, params string[] args)
    {
        CliResult result = CliRunner.Run("Texte.", args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Binary_input_is_refused_with_a_reason()
    {
        CliResult result = CliRunner.Run("%PDF-1.7 binary", "extract", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("binary content (a PDF document", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_is_refused_with_a_reason()
    {
        CliResult result = CliRunner.Run("", "extract", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("empty", result.Error, StringComparison.Ordinal);
    }
}
