package org.auroralocus.gui.firehose;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small line of recent values, scaled to its own maximum: the shape of the rate, not its numbers. */
final class Sparkline extends Canvas {
    Sparkline(double width, double height) {
        super(width, height);
    }

    void draw(List<Integer> values) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#eef2f8"));
        g.fillRoundRect(0, 0, w, h, 6, 6);
        if (values.size() < 2) return;
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        double step = (w - 4) / (values.size() - 1);
        g.setStroke(Color.web("#2f6fde"));
        g.setLineWidth(1.6);
        g.beginPath();
        for (int i = 0; i < values.size(); i++) {
            double x = 2 + i * step;
            double y = h - 3 - (h - 6) * values.get(i) / max;
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
    }
}
