package fr.prefecture.accueil.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement with named parameters ({@code #{name}}, as in SqlTemplate) parsed once into positional
 * ones: for statements that run on the connection of a transaction or a snapshot, where a
 * SqlTemplate (bound to one client for good) cannot be held as a field. Values are always bound.
 */
public record NamedSql(String sql, List<String> names) {
  private static final Pattern PARAMETER = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_]*)}");

  public static NamedSql of(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAMETER.matcher(template);
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(sql, "?");
    }
    m.appendTail(sql);
    return new NamedSql(sql.toString(), List.copyOf(names));
  }

  /** The values in the order of the placeholders; a name without a value is a programming error. */
  public Tuple tuple(Map<String, ?> params) {
    Tuple tuple = Tuple.tuple();
    for (String name : names) {
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException("No value for #{" + name + "} in " + sql);
      }
      tuple.addValue(params.get(name));
    }
    return tuple;
  }

  public Future<RowSet<Row>> execute(SqlClient client, Map<String, ?> params) {
    return client.preparedQuery(sql).execute(tuple(params));
  }
}
