package fr.prefecture.accueil.appointment;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as booking tools and French spreadsheets write it: UTF-8 with or without BOM, or
 * Windows-1252; {@code ;} or {@code ,} (or tab) separators; quoted fields holding separators,
 * doubled quotes and line breaks; CRLF, LF or CR line ends. Each record keeps the line it starts on.
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

  static String decode(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      CharBuffer chars = Charset.forName("windows-1252").decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    }
  }

  /** The separator of the header line: the most frequent of ; , and tab outside quotes. */
  static char separator(String text) {
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
          default -> { }
        }
      }
    }
    if (tabs > semicolons && tabs > commas) {
      return '\t';
    }
    return semicolons >= commas ? ';' : ',';
  }

  static List<Record> parse(String text, int maxRecords) throws CsvException {
    char sep = separator(text);
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    int quoteLine = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          field.append('\n');
          line++;
          i += 2;
          continue;
        }
        if (c == '\n' || c == '\r') {
          line++;
          field.append('\n');
        } else {
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        if (field.toString().isBlank() && !fieldWasQuoted) {
          field.setLength(0);
          quoted = true;
          fieldWasQuoted = true;
          quoteLine = line;
          i++;
          continue;
        }
        throw new CsvException(line, "a quote (\") appears inside a field that is not quoted");
      }
      if (c == sep) {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
        i++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
        records.add(new Record(recordLine, List.copyOf(fields)));
        if (records.size() > maxRecords) {
          throw new CsvException(line, "too many rows (" + maxRecords + " at most per import)");
        }
        fields.clear();
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        i++;
        line++;
        recordLine = line;
        continue;
      }
      if (fieldWasQuoted && !Character.isWhitespace(c)) {
        throw new CsvException(line, "unexpected text after a closing quote");
      }
      if (!fieldWasQuoted) {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new CsvException(quoteLine, "a quoted field is never closed");
    }
    if (field.length() > 0 || !fields.isEmpty() || fieldWasQuoted) {
      fields.add(field.toString());
      records.add(new Record(recordLine, List.copyOf(fields)));
    }
    return records;
  }
}
