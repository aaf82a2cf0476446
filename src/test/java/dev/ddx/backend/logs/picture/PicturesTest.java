package dev.ddx.backend.logs.picture;

import dev.ddx.cli.Ddx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeline, plot and sequence pictures: each SVG parses as XML and names its lanes/series; each PNG reads back. */
class PicturesTest {
    @TempDir
    static Path dir;
    static Path log;

    @BeforeAll
    static void writeLog() throws Exception {
        StringBuilder b = new StringBuilder();
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int i = 0; i < 120; i++) {
            String ts = t.plusSeconds(i).toString().replace("T", " ").replace("Z", ",000");
            b.append(ts).append(" INFO  [poller-1] com.shop.Poller: queue size ").append(10 + i).append('\n');
            b.append(ts).append(" DEBUG [worker-7] com.shop.Worker: took ").append(5 + (i % 7)).append(" ms for order ").append(i).append('\n');
            if (i % 30 == 29) b.append(ts).append(" ERROR [worker-7] com.shop.Db: connection reset by peer\n");
        }
        log = Files.writeString(dir.resolve("app.log"), b.toString());
    }

    static String ddx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    static List<String> svgTexts(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", d.getDocumentElement().getLocalName() == null ? d.getDocumentElement().getTagName() : d.getDocumentElement().getLocalName());
        NodeList texts = d.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) out.add(texts.item(i).getTextContent());
        return out;
    }

    static void assertPng(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null && img.getWidth() >= 500 && img.getHeight() >= 300, "png " + png);
    }

    @Test
    void timelineSvgHasOneLanePerThreadAndPngReadsBack() throws Exception {
        Path svg = dir.resolve("timeline.svg");
        ddx("logs", "timeline", log.toString(), "--out", svg.toString());
        List<String> texts = svgTexts(svg);
        assertTrue(texts.contains("poller-1") && texts.contains("worker-7"), texts.toString());
        assertTrue(texts.contains("ERROR") && texts.contains("INFO"), texts.toString());
        Path png = dir.resolve("timeline.png");
        ddx("logs", "timeline", log.toString(), "--by", "template", "--out", png.toString());
        assertPng(png);
    }

    @Test
    void timelineInTheTerminalIsLanesOfLetters() {
        String out = ddx("logs", "timeline", log.toString(), "--width", "40");
        assertTrue(out.lines().anyMatch(l -> l.startsWith("worker-7") && l.contains("E")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("poller-1") && l.contains("IIII")), out);
    }

    @Test
    void plotDrawsSeveralSeriesOnOneChart() throws Exception {
        String summary = ddx("logs", "summarize", log.toString());
        String queue = series(summary, "queue size");
        String took = series(summary, "took");
        Path svg = dir.resolve("plot.svg");
        ddx("logs", "plot", log.toString(), queue, took, "--out", svg.toString());
        String all = String.join("|", svgTexts(svg));
        assertTrue(all.contains(queue + " queue size") && all.contains(took + " took (ms)"), all);
        Path png = dir.resolve("plot.png");
        ddx("logs", "plot", log.toString(), "--series", queue, "--out", png.toString());
        assertPng(png);
        String text = ddx("logs", "plot", log.toString(), queue);
        assertTrue(text.contains("120 values, min 10, max 129"), text);
    }

    private static String series(String summaryMarkdown, String label) {
        return summaryMarkdown.lines().filter(l -> l.startsWith("| T") && l.contains("| " + label))
                .map(l -> l.split("\\|")[1].trim()).findFirst().orElseThrow(() -> new AssertionError(label + " in " + summaryMarkdown));
    }

    @Test
    void sequenceDiagramNamesTheComponentsInSvgAndPng() throws Exception {
        Path svg = dir.resolve("seq.svg");
        ddx("logs", "sequence", log.toString(), "--out", svg.toString(), "--arrows", "10");
        String all = String.join("|", svgTexts(svg));
        assertTrue(all.contains("Poller") && all.contains("Worker") && all.contains("Db"), all);
        Path png = dir.resolve("seq.png");
        ddx("logs", "sequence", log.toString(), "--out", png.toString(), "--by", "thread");
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null && img.getWidth() > 100, "sequence png");
        String text = ddx("logs", "sequence", log.toString(), "--arrows", "5");
        assertTrue(text.contains("Poller") && text.contains("Worker"), text);
    }
}
