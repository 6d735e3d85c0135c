package org.dtenge.bench;

import java.util.List;

/**
 * Reads values from the Prometheus text format that the node serves at /metrics: the sum over every
 * sample of a metric whose labels contain all of the given {@code name="value"} pairs. The load
 * compares the sums before and after a phase (counts and totals only grow).
 */
final class PrometheusText {
    private PrometheusText() {}

    static double sum(String text, String metric, List<String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            int nameEnd = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = nameEnd >= 0 && nameEnd < space ? line.substring(0, nameEnd) : line.substring(0, space).trim();
            if (!name.equals(metric)) {
                continue;
            }
            String labelText = nameEnd >= 0 && nameEnd < space ? line.substring(nameEnd, space) : "";
            if (labels.stream().allMatch(labelText::contains)) {
                total += Double.parseDouble(line.substring(space + 1).trim());
            }
        }
        return total;
    }
}
