package org.dtenge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * The PNG plots of a {@code compare} run, drawn headless with XChart next to results.json:
 * throughput per target (log scale: the targets differ by orders of magnitude), the latency
 * distribution of each target as HdrHistogram plots it (latency against percentile, the x axis
 * stretched towards the tail), and PostgreSQL's throughput by client count.
 */
final class ComparePlots {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    /** The x axis of a latency plot ends here, as 1 / (1 - q): 99.999%. */
    private static final double TAIL_MAX = 100_000;

    private ComparePlots() {}

    static void write(Path dir, CompareReport report) throws IOException {
        throughput(dir.resolve("throughput"), report);
        latency(dir.resolve("latency"), report);
        if (report.postgres().isPresent()) {
            sweep(dir.resolve("postgres-sweep"), report.postgres().get());
        }
    }

    private static void throughput(Path file, CompareReport report) throws IOException {
        String postgres = report.postgres().map(pg -> "; postgresql: " + pg.best().details().get("mode") + ", "
                + pg.best().details().get("clients") + " clients").orElse("");
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 80)
                .title("Transfers per second, durable (log scale)" + postgres).xAxisTitle("target")
                .yAxisTitle("transfers/s").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(1.0); // bars start at 0 by default, which a log axis cannot show
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.getStyler().setXAxisLabelRotation(20); // XChart drops a label that would run past the right edge
        List<String> names = new ArrayList<>();
        List<Number> rates = new ArrayList<>();
        for (TargetResult r : report.results()) {
            java.util.OptionalDouble ratio = report.ratio(r);
            // The values go into the category names: XChart's bar labels on a log axis print as 8E4.
            names.add(String.format("%s: %,.0f/s%s", r.name(), r.throughput(),
                    ratio.isPresent() ? String.format(" (%.1fx)", ratio.getAsDouble()) : ""));
            rates.add(Math.max(1.0, Math.rint(r.throughput()))); // doubles: the log axis formats labels as Double
        }
        chart.addSeries("transfers/s", names, rates);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void latency(Path file, CompareReport report) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Latency by percentile (each target's own unit: see results.json)").xAxisTitle("percentile")
                .yAxisTitle("latency, ms (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(0);
        chart.setCustomXAxisTickLabelsFormatter(ComparePlots::percentileLabel);
        for (TargetResult r : report.results()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            distribution(r.latencyNanos(), x, y);
            if (!x.isEmpty()) {
                chart.addSeries(r.name(), x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Points (log10(1 / (1 - q)), latency in ms) for q from 0 to the 99.999th percentile. */
    static void distribution(Histogram h, List<Double> x, List<Double> y) {
        if (h.getTotalCount() == 0) {
            return;
        }
        for (HistogramIterationValue v : h.percentiles(5)) {
            double stretch = 1 / (1 - v.getPercentileLevelIteratedTo() / 100);
            if (Double.isInfinite(stretch) || stretch > TAIL_MAX) {
                break;
            }
            x.add(Math.log10(stretch));
            y.add(Math.max(0.001, v.getValueIteratedTo() / 1e6));
        }
    }

    /** The x axis holds log10(1 / (1 - q)): 1 is the 90th percentile, 3 the 99.9th; only whole ticks are labelled. */
    static String percentileLabel(double nines) {
        if (Math.abs(nines - Math.rint(nines)) > 1e-9 || nines < 0) {
            return "";
        }
        int whole = (int) Math.rint(nines);
        return switch (whole) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            default -> "99." + "9".repeat(whole - 2) + "%";
        };
    }

    private static void sweep(Path file, PostgresTarget.Outcome outcome) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("PostgreSQL: transfers per second by client count (best: " + outcome.bestMode().label() + ", "
                        + outcome.bestClients() + " clients)")
                .xAxisTitle("clients (log scale)").yAxisTitle("transfers/s").build();
        chart.getStyler().setXAxisLogarithmic(true);
        for (PostgresLedger.Mode mode : PostgresLedger.Mode.values()) {
            List<Double> clients = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            for (PostgresTarget.Point point : outcome.sweep()) {
                if (point.mode() == mode) {
                    clients.add((double) point.clients());
                    rates.add(point.throughput());
                }
            }
            if (!clients.isEmpty()) {
                chart.addSeries(mode.label(), clients, rates);
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
