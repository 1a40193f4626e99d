package com.signalhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An ordered set of figures, written as one JSON line and as key=value lines. */
final class Summary {
  private final Map<String, Object> figures = new LinkedHashMap<>();

  Summary put(String key, Object value) {
    figures.put(key, value);
    return this;
  }

  /** Every client connected and no frame went missing or came twice. */
  boolean clean() {
    return figures.get("failed_connects") instanceof Long f && f == 0
        && figures.get("missing") instanceof Long m && m == 0
        && figures.get("duplicated") instanceof Long d && d == 0;
  }

  String json() {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : figures.entrySet()) {
      if (sb.length() > 1) sb.append(',');
      sb.append('"').append(e.getKey()).append("\":").append(jsonValue(e.getValue()));
    }
    return sb.append('}').toString();
  }

  String properties() {
    StringBuilder sb = new StringBuilder();
    figures.forEach((k, v) -> sb.append(k).append('=').append(text(v)).append('\n'));
    return sb.toString();
  }

  void write(Path dir) throws IOException {
    Files.writeString(dir.resolve("summary.json"), json() + "\n");
    Files.writeString(dir.resolve("summary.properties"), properties());
  }

  private static String jsonValue(Object v) {
    if (v instanceof Number || v instanceof Boolean) return text(v);
    if (v == null) return "null";
    return '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
  }

  private static String text(Object v) {
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) return "null";
      return String.format(Locale.ROOT, "%.3f", d);
    }
    return String.valueOf(v).replace("\n", " ");
  }
}
