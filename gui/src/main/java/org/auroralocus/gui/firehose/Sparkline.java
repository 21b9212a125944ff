package org.auroralocus.gui.firehose;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A small line of recent values, scaled to its own maximum: the shape of the rate, not its numbers
 * (the label beside it gives those). No box around it: a framed box in a toolbar reads as a text field.
 */
final class Sparkline extends Canvas {
    private static final Color LINE = Color.web("#2f6fde");
    private static final Color FILL = Color.web("#2f6fde", 0.18);
    private static final Color BASELINE = Color.web("#c5cdd9");

    Sparkline(double width, double height) {
        super(width, height);
    }

    void draw(List<Integer> values) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        double bottom = h - 1.5;
        g.setStroke(BASELINE);
        g.setLineWidth(1);
        g.strokeLine(0, bottom, w, bottom);
        if (values.size() < 2) return;
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        double step = (w - 2) / (values.size() - 1);
        double[] xs = new double[values.size() + 2];
        double[] ys = new double[values.size() + 2];
        for (int i = 0; i < values.size(); i++) {
            xs[i] = 1 + i * step;
            ys[i] = bottom - (h - 4) * values.get(i) / max;
        }
        // close the area along the baseline
        xs[values.size()] = xs[values.size() - 1];
        ys[values.size()] = bottom;
        xs[values.size() + 1] = xs[0];
        ys[values.size() + 1] = bottom;
        g.setFill(FILL);
        g.fillPolygon(xs, ys, xs.length);
        g.setStroke(LINE);
        g.setLineWidth(1.5);
        g.strokePolyline(xs, ys, values.size());
    }
}
