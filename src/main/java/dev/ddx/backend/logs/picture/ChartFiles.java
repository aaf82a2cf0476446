package dev.ddx.backend.logs.picture;

import dev.ddx.error.UsageException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a chart headless to an SVG or PNG file, chosen by the file's extension. */
public final class ChartFiles {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /** Makes sure AWT runs headless before any chart class loads it. */
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    public static void write(JFreeChart chart, Path out, int width, int height) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".svg")) {
                SVGGraphics2D g = new SVGGraphics2D(width, height);
                chart.draw(g, new Rectangle(0, 0, width, height));
                Files.writeString(out, g.getSVGDocument(), StandardCharsets.UTF_8);
            } else if (name.endsWith(".png")) {
                ChartUtils.saveChartAsPNG(out.toFile(), chart, width, height);
            } else {
                throw new UsageException("cannot draw to " + out.getFileName(), "use --out FILE.svg or --out FILE.png");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
