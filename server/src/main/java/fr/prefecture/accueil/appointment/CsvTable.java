package fr.prefecture.accueil.appointment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as booking tools and French spreadsheets write it: UTF-8 with or without BOM, or
 * Windows-1252; {@code ;} or {@code ,} (or tab) separators; quoted fields holding separators,
 * doubled quotes and line breaks; CRLF, LF or CR line ends. Commons CSV reads the records; what it
 * does not know (the encoding, the separator, where each record starts) is decided here.
 */
final class CsvTable {
  /** One record and the (1-based) line of the file where it starts. */
  record Record(int line, List<String> fields) {
    boolean blank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  /** A file that cannot be read as CSV at all (line given). */
  static final class CsvException extends Exception {
    final int line;

    CsvException(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private CsvTable() {}

  /** The records of the file, at most {@code maxRecords} of them (blank lines count). */
  static List<Record> read(byte[] bytes, int maxRecords) throws CsvException {
    String text = decode(bytes);
    List<Record> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, format(separator(text)))) {
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        // Empty lines are records too (see format), so the next record starts on the line after the last one.
        int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
        try {
          if (!it.hasNext()) {
            return records;
          }
          records.add(new Record(line, it.next().stream().map(CsvTable::oneLineEnd).toList()));
        } catch (UncheckedIOException e) {
          throw new CsvException(line, problem(e.getCause()));
        }
        if (records.size() > maxRecords) {
          throw new CsvException(line, "too many rows (" + maxRecords + " at most per import)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a parser over a string has nothing to fail on when closed
    }
  }

  private static CSVFormat format(char separator) {
    return CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(true)
        .setIgnoreEmptyLines(false).get();
  }

  /** Commons CSV's words for the two mistakes spreadsheets' users make, in theirs. */
  private static String problem(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is never closed";
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")) {
      return "unexpected text after a closing quote";
    }
    return "not readable as CSV: " + message;
  }

  /** A line break inside a quoted field is kept as one {@code \n}, whatever the file's line ends. */
  private static String oneLineEnd(String field) {
    return field.indexOf('\r') < 0 ? field : field.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String decode(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return Charset.forName("windows-1252").decode(ByteBuffer.wrap(bytes)).toString();
    }
  }

  /** The separator of the header line: the most frequent of ; , and tab outside quotes. */
  private static char separator(String text) {
    int semicolons = 0;
    int commas = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        switch (c) {
          case ';' -> semicolons++;
          case ',' -> commas++;
          case '\t' -> tabs++;
          default -> {
          }
        }
      }
    }
    if (tabs > semicolons && tabs > commas) {
      return '\t';
    }
    return semicolons >= commas ? ';' : ',';
  }
}
