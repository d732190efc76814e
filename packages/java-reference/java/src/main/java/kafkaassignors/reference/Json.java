package kafkaassignors.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for scenarios: objects become {@code Map<String, Object>}, arrays {@code List<Object>},
 * numbers {@code Long} (or {@code Double} when they have a fraction or exponent), and strings, booleans and
 * null what they are. Keeps the harness free of dependencies beyond kafka-clients.
 */
final class Json {
  private final String text;
  private int position;

  private Json(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.value();
    json.skipWhitespace();
    if (json.position != text.length()) throw json.error("unexpected text after the value");
    return value;
  }

  /** {@code value} as a JSON string literal. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  private Object value() {
    skipWhitespace();
    if (position >= text.length()) throw error("unexpected end of input");
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> result = new LinkedHashMap<>();
    position++;
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return result;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') throw error("expected a property name");
      String key = string();
      skipWhitespace();
      expect(':');
      result.put(key, value());
      skipWhitespace();
      if (peek() == ',') {
        position++;
      } else {
        expect('}');
        return result;
      }
    }
  }

  private List<Object> array() {
    List<Object> result = new ArrayList<>();
    position++;
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return result;
    }
    while (true) {
      result.add(value());
      skipWhitespace();
      if (peek() == ',') {
        position++;
      } else {
        expect(']');
        return result;
      }
    }
  }

  private String string() {
    position++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (position >= text.length()) throw error("unterminated string");
      char c = text.charAt(position++);
      if (c == '"') return out.toString();
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (position >= text.length()) throw error("unterminated escape");
      char escaped = text.charAt(position++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (position + 4 > text.length()) throw error("truncated \\u escape");
          out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          position += 4;
        }
        default -> throw error("unknown escape \\" + escaped);
      }
    }
  }

  private Object number() {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) position++;
    String digits = text.substring(start, position);
    if (digits.isEmpty()) throw error("unexpected character '" + text.charAt(start) + "'");
    try {
      if (digits.contains(".") || digits.contains("e") || digits.contains("E")) return Double.parseDouble(digits);
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw error("malformed number " + digits);
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) throw error("unexpected character '" + text.charAt(position) + "'");
    position += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) throw error("expected '" + c + "'");
    position++;
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) position++;
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("invalid JSON at character " + position + ": " + problem);
  }
}
