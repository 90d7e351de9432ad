package fr.prefecture.accueil.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedSqlTest {
  private static final NamedSql CALL = NamedSql
      .of("""
          UPDATE tickets SET counter = #{counter}, first_called_at = COALESCE(first_called_at, #{at}), last_called_at = #{at}
          WHERE id = #{id}""");

  @Test
  void binds_named_values_in_the_order_of_the_placeholders_repeats_included() {
    assertThat(CALL.sql()).isEqualTo("""
        UPDATE tickets SET counter = ?, first_called_at = COALESCE(first_called_at, ?), last_called_at = ?
        WHERE id = ?""");
    var tuple = CALL.tuple(Params.of("id", 7L, "counter", "G1", "at", 1000L));
    assertThat(tuple.size()).isEqualTo(4);
    assertThat(tuple.getValue(0)).isEqualTo("G1");
    assertThat(tuple.getValue(1)).isEqualTo(1000L);
    assertThat(tuple.getValue(2)).isEqualTo(1000L);
    assertThat(tuple.getValue(3)).isEqualTo(7L);
  }

  @Test
  void binds_a_null_value_but_refuses_a_missing_one() {
    assertThat(CALL.tuple(Params.of("id", 7L, "counter", null, "at", 1000L)).getValue(0)).isNull();
    assertThatThrownBy(() -> CALL.tuple(Params.of("id", 7L, "at", 1000L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#{counter}");
  }

  @Test
  void params_refuse_names_and_values_that_do_not_pair_up() {
    assertThatThrownBy(() -> Params.of("id", 7L, "by")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Params.of(7L, "id")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Params.of("id", 7L, "id", 8L)).isInstanceOf(IllegalArgumentException.class);
  }
}
