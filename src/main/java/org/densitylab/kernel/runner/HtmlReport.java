package org.densitylab.kernel.runner;

import org.densitylab.plot.TableHtml;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.densitylab.kernel.KernelInstaller;

/**
 * A single self-contained HTML page of a notebook run: a summary table, then every executed notebook
 * with its Markdown (rendered with commonmark-java), code, text, HTML, PNG images and errors (images
 * inline as data URLs, so the page works offline).
 */
final class HtmlReport {
    private static final Parser PARSER = Parser.builder().build();
    /** Markdown as HTML; raw HTML in a cell is kept, as Jupyter shows it. */
    private static final HtmlRenderer MARKDOWN = HtmlRenderer.builder().build();

    private HtmlReport() {
    }

    static Path write(List<NotebookBatch.Outcome> outcomes, Path file, boolean quick) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>DensityLab notebooks</title>\n"
                + "<style>body{font-family:sans-serif;max-width:70em;margin:auto}pre{background:#f6f6f6;"
                + "padding:.5em;overflow-x:auto}pre.err{background:#fdd}.ok{color:green}.fail{color:#b00}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>"
                + "</head><body>\n<h1>DensityLab notebooks</h1>\n<p>")
                .append(quick ? "Quick mode (DENSITYLAB_QUICK=1)" : "Full mode").append(", run ")
                .append(Instant.now()).append(".</p>\n<table><tr><th>notebook</th><th>status</th>"
                        + "<th>cells</th><th>seconds</th></tr>\n");
        for (NotebookBatch.Outcome o : outcomes) {
            NotebookRunner.Result r = o.result();
            String name = o.notebook().getFileName().toString();
            sb.append("<tr><td><a href=\"#").append(esc(name)).append("\">").append(esc(name))
                    .append("</a></td><td class=\"").append(r.ok() ? "ok\">ok" : "fail\">failed")
                    .append("</td><td>").append(r.cellsRun()).append('/').append(r.codeCells())
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (NotebookBatch.Outcome o : outcomes) {
            String name = o.notebook().getFileName().toString();
            sb.append("<h2 id=\"").append(esc(name)).append("\">").append(esc(name)).append("</h2>\n");
            if (!o.result().ok()) {
                sb.append("<pre class=\"err\">").append(esc(o.result().error())).append("</pre>\n");
            }
            if (Files.exists(o.executed())) {
                try {
                    cells(sb, JsonParser.parseString(Files.readString(o.executed())).getAsJsonObject());
                } catch (RuntimeException e) {
                    sb.append("<p>(executed copy unreadable: ").append(esc(e.toString())).append(")</p>\n");
                }
            }
        }
        sb.append("</body></html>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        KernelInstaller.writeAtomically(file, sb.toString());
        return file;
    }

    private static void cells(StringBuilder sb, JsonObject nb) {
        for (JsonElement ce : nb.getAsJsonArray("cells")) {
            JsonObject cell = ce.getAsJsonObject();
            String type = cell.get("cell_type").getAsString();
            String src = NotebookRunner.source(cell.get("source"));
            if (type.equals("markdown")) {
                sb.append("<div class=\"md\">").append(MARKDOWN.render(PARSER.parse(src))).append("</div>\n");
                continue;
            }
            if (!type.equals("code")) {
                continue;
            }
            sb.append("<pre>").append(esc(src)).append("</pre>\n");
            JsonArray outs = cell.has("outputs") ? cell.getAsJsonArray("outputs") : new JsonArray();
            for (JsonElement oe : outs) {
                JsonObject o = oe.getAsJsonObject();
                switch (o.get("output_type").getAsString()) {
                    case "stream" -> sb.append("<pre>").append(esc(NotebookRunner.source(o.get("text"))))
                            .append("</pre>\n");
                    case "error" -> {
                        StringBuilder tb = new StringBuilder();
                        o.getAsJsonArray("traceback").forEach(l -> tb.append(l.getAsString()).append('\n'));
                        sb.append("<pre class=\"err\">").append(esc(tb.toString())).append("</pre>\n");
                    }
                    default -> data(sb, o.getAsJsonObject("data"));
                }
            }
        }
    }

    private static void data(StringBuilder sb, JsonObject data) {
        if (data == null) {
            return;
        }
        if (data.has("image/png")) {
            sb.append("<img src=\"data:image/png;base64,").append(NotebookRunner.source(data.get("image/png")))
                    .append("\">\n");
        } else if (data.has("text/html")) {
            sb.append("<div>").append(NotebookRunner.source(data.get("text/html"))).append("</div>\n");
        } else if (data.has("text/plain")) {
            sb.append("<pre>").append(esc(NotebookRunner.source(data.get("text/plain")))).append("</pre>\n");
        }
    }

    private static String esc(String s) {
        return TableHtml.escape(s);
    }
}
