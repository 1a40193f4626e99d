package com.signalhub.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Draws one PNG with two bar charts from RESULTS/SERVER/N-R/summary.properties: server CPU
 * microseconds per delivered frame, and p99 hand-over-to-receipt latency, by grid point and server.
 * Usage: {@code java -cp signalhub-bench.jar com.signalhub.bench.Chart RESULTS OUT.png}.
 */
public final class Chart {
  private Chart() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
    Path png = Path.of(args.length > 1 ? args[1] : results.resolve("chart.png").toString());
    // server -> point -> summary
    TreeMap<String, TreeMap<Point, Properties>> data = load(results);
    if (data.isEmpty()) throw new IllegalStateException("no summary.properties under " + results);
    TreeSet<Point> points = new TreeSet<>();
    data.values().forEach(m -> points.addAll(m.keySet()));
    CategoryChart cpu = chart("Server CPU per delivered frame", "µs / frame", data, points, "server_cpu_us_per_frame");
    CategoryChart p99 = chart("p99 hand-over → receipt", "ms", data, points, "latency_p99_ms");
    BitmapEncoder.saveBitmap(List.of(cpu, p99), 2, 1, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    System.out.println("wrote " + png.toAbsolutePath());
  }

  record Point(int clients, double rate) implements Comparable<Point> {
    static Point parse(String dir) {
      String[] p = dir.split("-");
      return new Point(Integer.parseInt(p[0]), Double.parseDouble(p[1]));
    }

    @Override
    public int compareTo(Point o) {
      return clients != o.clients ? Integer.compare(clients, o.clients) : Double.compare(rate, o.rate);
    }

    @Override
    public String toString() {
      return clients + "×" + (rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate)) + "/s";
    }
  }

  static TreeMap<String, TreeMap<Point, Properties>> load(Path results) throws IOException {
    TreeMap<String, TreeMap<Point, Properties>> data = new TreeMap<>();
    try (Stream<Path> files = Files.find(results, 3, (p, a) -> p.endsWith("summary.properties"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path pointDir = f.getParent();
        if (!pointDir.getFileName().toString().matches("\\d+-[\\d.]+")) continue;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
          p.load(r);
        }
        data.computeIfAbsent(pointDir.getParent().getFileName().toString(), k -> new TreeMap<>())
            .put(Point.parse(pointDir.getFileName().toString()), p);
      }
    }
    return data;
  }

  private static CategoryChart chart(
      String title, String yTitle, TreeMap<String, TreeMap<Point, Properties>> data, TreeSet<Point> points, String key) {
    CategoryChart c =
        new CategoryChartBuilder().width(1200).height(450).title(title).xAxisTitle("clients × rate").yAxisTitle(yTitle).build();
    List<String> x = new ArrayList<>();
    points.forEach(p -> x.add(p.toString()));
    data.forEach(
        (server, byPoint) -> {
          List<Double> y = new ArrayList<>();
          for (Point p : points) {
            Properties s = byPoint.get(p);
            double v = s == null ? 0 : parse(s.getProperty(key));
            y.add(v);
          }
          c.addSeries(server, x, y); // every server in both charts, so colours match
        });
    return c;
  }

  private static double parse(String v) {
    try {
      return v == null ? 0 : Math.max(0, Double.parseDouble(v));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
