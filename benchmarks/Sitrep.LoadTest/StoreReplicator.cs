using Microsoft.Data.Sqlite;

namespace Sitrep.LoadTest;

/// <summary>
/// Makes a store N times bigger in SQL, for query timings at a million events without hours of ingest: every article
/// with its places, events and participants is copied under a new key and id (suffix "-rK"), with the same dates and
/// places, so each 30-day window holds N times the events. Copies are not in the full-text index and carry no
/// entities: a query by article words finds the originals only. Signatures are copied so the store does not sign them again. Seeding through the store API stays the way to
/// build realistic stores (<see cref="SyntheticArticles"/>); this only multiplies one.
/// </summary>
internal static class StoreReplicator
{
    private static readonly string[] Tables = ["articles", "article_signatures", "places", "events", "event_participants"];

    public static void Replicate(string path, int times)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = false }.ToString());
        connection.Open();
        using (SqliteCommand cache = connection.CreateCommand())
        {
            // One big transaction over several indexes: a 1 GiB page cache keeps their pages in memory until the commit.
            cache.CommandText = "PRAGMA cache_size = -1048576;";
            cache.ExecuteNonQuery();
        }

        long shift;
        using (SqliteCommand max = connection.CreateCommand())
        {
            max.CommandText = "SELECT MAX(key) FROM articles;";
            shift = (long)max.ExecuteScalar()!;
        }

        using SqliteTransaction transaction = connection.BeginTransaction();
        for (int k = 1; k < times; k++)
        {
            foreach (string table in Tables)
            {
                var columns = new List<string>();
                using (SqliteCommand info = connection.CreateCommand())
                {
                    info.CommandText = $"SELECT name FROM pragma_table_info('{table}');";
                    using SqliteDataReader reader = info.ExecuteReader();
                    while (reader.Read())
                    {
                        columns.Add(reader.GetString(0));
                    }
                }

                string Select(string column) => (table, column) switch
                {
                    ("articles", "key") => "key + $shift",
                    ("articles", "id") => "id || $suffix",
                    ("articles", "duplicate_of" or "duplicate_similarity") => "NULL",
                    (_, "article") => "article + $shift",
                    _ => '"' + column + '"',
                };

                using SqliteCommand copy = connection.CreateCommand();
                copy.Transaction = transaction;
                string keyColumn = table == "articles" ? "key" : "article";
                copy.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => '"' + c + '"'))}) " +
                    $"SELECT {string.Join(", ", columns.Select(Select))} FROM {table} WHERE {keyColumn} <= $last;";
                copy.Parameters.AddWithValue("$shift", shift * k);
                copy.Parameters.AddWithValue("$suffix", "-r" + k.ToString(System.Globalization.CultureInfo.InvariantCulture));
                copy.Parameters.AddWithValue("$last", shift);
                copy.ExecuteNonQuery();
            }

            Console.Error.WriteLine($"copy {k} of {times - 1} done");
        }

        transaction.Commit();
        using SqliteCommand analyze = connection.CreateCommand();
        analyze.CommandText = "PRAGMA optimize;";
        analyze.ExecuteNonQuery();
    }
}
