package fr.prefecture.accueil.appointment;

import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an appointment export: columns in any order, French or English headers, case and accents
 * ignored. Every bad row is reported with its line; a file with any bad row yields no appointment.
 */
record AppointmentCsv(Site site, SiteTime time) {
  static final int MAX_ROWS = 50_000;

  /** The columns and the header names accepted for each (after folding case and accents). */
  enum Column {
    REFERENCE(true, "reference", "ref", "numero", "id"),
    SERVICE(true, "service", "prestation"),
    DATE(true, "date", "jour", "day"),
    TIME(true, "heure", "time", "horaire"),
    NAME(true, "nom", "name", "usager", "visitor", "visiteur"),
    DURATION(false, "duree", "duration", "dureeminutes", "durationminutes", "dureemin", "durationmin", "dureemn"),
    EMAIL(false, "email", "mail", "courriel", "adressemail", "emailaddress"),
    PHONE(false, "telephone", "phone", "tel", "portable", "mobile");

    final boolean required;
    final List<String> names;

    Column(boolean required, String... names) {
      this.required = required;
      this.names = List.of(names);
    }
  }

  /** The outcome: rows to store, or the errors found (never both). */
  record Result(List<NewAppointment> rows, List<JsonObject> errors) {
    JsonArray errorsJson() {
      return new JsonArray(new ArrayList<>(errors));
    }
  }

  private static final Pattern FR_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:hH](\\d{2})(?::00)?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,25}");

  Result read(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("missing_body", "The CSV file is empty");
    }
    List<CsvTable.Record> records;
    try {
      records = CsvTable.read(body, MAX_ROWS + 1);
    } catch (CsvTable.CsvException e) {
      return new Result(List.of(), List.of(error(e.line, e.getMessage())));
    }
    List<CsvTable.Record> nonBlank = records.stream().filter(r -> !r.blank()).toList();
    if (nonBlank.isEmpty()) {
      throw ApiException.badRequest("missing_body", "The CSV file is empty");
    }
    CsvTable.Record header = nonBlank.get(0);
    Map<Column, Integer> columns = new HashMap<>();
    List<JsonObject> errors = new ArrayList<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String folded = fold(header.fields().get(i));
      for (Column column : Column.values()) {
        if (column.names.contains(folded)) {
          if (columns.putIfAbsent(column, i) != null) {
            errors.add(error(header.line(), "column '" + header.fields().get(i).strip() + "' appears twice"));
          }
        }
      }
    }
    for (Column column : Column.values()) {
      if (column.required && !columns.containsKey(column)) {
        errors.add(error(header.line(), "missing column " + column.names.get(0)
            + (column.names.size() > 1 ? " (or " + column.names.get(1) + ")" : "")));
      }
    }
    if (!errors.isEmpty()) {
      return new Result(List.of(), errors);
    }
    List<NewAppointment> rows = new ArrayList<>();
    Map<String, Integer> referenceLines = new HashMap<>();
    for (CsvTable.Record record : nonBlank.subList(1, nonBlank.size())) {
      List<String> problems = new ArrayList<>();
      Optional<NewAppointment> row = row(record, columns, problems);
      if (row.isPresent()) {
        Integer previous = referenceLines.putIfAbsent(row.get().reference(), record.line());
        if (previous != null) {
          problems.add("reference '" + row.get().reference() + "' already appears on line " + previous);
        }
      }
      if (problems.isEmpty()) {
        rows.add(row.orElseThrow());
      } else {
        errors.add(error(record.line(), String.join("; ", problems)));
      }
    }
    if (!errors.isEmpty()) {
      return new Result(List.of(), errors);
    }
    return new Result(rows, List.of());
  }

  private Optional<NewAppointment> row(CsvTable.Record record, Map<Column, Integer> columns, List<String> problems) {
    String reference = cell(record, columns, Column.REFERENCE);
    String serviceCode = cell(record, columns, Column.SERVICE).toLowerCase(Locale.ROOT);
    String dateText = cell(record, columns, Column.DATE);
    String timeText = cell(record, columns, Column.TIME);
    String name = cell(record, columns, Column.NAME);
    String durationText = cell(record, columns, Column.DURATION);
    String email = cell(record, columns, Column.EMAIL);
    String phone = cell(record, columns, Column.PHONE);

    if (reference.isEmpty()) {
      problems.add("reference is empty");
    } else if (reference.length() > 100) {
      problems.add("reference is longer than 100 characters");
    }
    Optional<Site.Service> service = site.service(serviceCode);
    if (serviceCode.isEmpty()) {
      problems.add("service is empty");
    } else if (service.isEmpty()) {
      problems.add("unknown service '" + serviceCode + "'");
    }
    Optional<LocalDate> date = date(dateText, problems);
    Optional<LocalTime> clock = time(timeText, problems);
    if (name.isEmpty()) {
      problems.add("name is empty");
    } else if (name.length() > 200) {
      problems.add("name is longer than 200 characters");
    }
    Integer duration = null;
    if (!durationText.isEmpty()) {
      try {
        duration = Integer.parseInt(durationText);
        if (duration < 1 || duration > 480) {
          problems.add("duration must be between 1 and 480 minutes");
        }
      } catch (NumberFormatException e) {
        problems.add("duration '" + durationText + "' is not a number of minutes");
      }
    }
    if (!email.isEmpty() && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
      problems.add("email '" + email + "' is not an address");
    }
    if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
      problems.add("phone '" + phone + "' is not a phone number");
    }
    java.time.Instant start = null;
    if (date.isPresent() && clock.isPresent()) {
      try {
        start = time.atLocal("time", LocalDateTime.of(date.get(), clock.get()));
      } catch (ApiException e) {
        problems.add(date.get() + " " + clock.get() + " does not exist (clocks go forward that night)");
      }
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    int minutes = duration != null ? duration : service.orElseThrow().defaultDurationMinutes();
    return Optional.of(new NewAppointment(serviceCode, start, date.orElseThrow(), minutes, name,
        email.isEmpty() ? null : email, phone.isEmpty() ? null : phone, reference));
  }

  private static Optional<LocalDate> date(String text, List<String> problems) {
    if (text.isEmpty()) {
      problems.add("date is empty");
      return Optional.empty();
    }
    try {
      Matcher fr = FR_DATE.matcher(text);
      if (fr.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(fr.group(3)), Integer.parseInt(fr.group(2)),
            Integer.parseInt(fr.group(1))));
      }
      Matcher iso = ISO_DATE.matcher(text);
      if (iso.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3))));
      }
    } catch (DateTimeException e) {
      problems.add("date '" + text + "' does not exist");
      return Optional.empty();
    }
    problems.add("date '" + text + "' must be JJ/MM/AAAA or YYYY-MM-DD");
    return Optional.empty();
  }

  private static Optional<LocalTime> time(String text, List<String> problems) {
    if (text.isEmpty()) {
      problems.add("time is empty");
      return Optional.empty();
    }
    Matcher m = TIME.matcher(text);
    if (m.matches()) {
      int hour = Integer.parseInt(m.group(1));
      int minute = Integer.parseInt(m.group(2));
      if (hour < 24 && minute < 60) {
        return Optional.of(LocalTime.of(hour, minute));
      }
    }
    problems.add("time '" + text + "' must be HH:MM");
    return Optional.empty();
  }

  private static String cell(CsvTable.Record record, Map<Column, Integer> columns, Column column) {
    Integer index = columns.get(column);
    if (index == null || index >= record.fields().size()) {
      return "";
    }
    return record.fields().get(index).strip();
  }

  static String fold(String header) {
    String noAccents = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return noAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static JsonObject error(int line, String message) {
    return new JsonObject().put("line", line).put("message", message);
  }
}
