package org.minutewise.formats.fhir;

import java.util.regex.Pattern;

/** XHTML (a narrative div, an HTML note) to plain text: block ends become line breaks, tags go, entities decode. */
final class Narrative {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private Narrative() {
    }

    static String text(String xhtml) {
        if (xhtml == null) {
            return "";
        }
        String t = BREAK.matcher(xhtml).replaceAll("\n");
        t = TAG.matcher(t).replaceAll("");
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&#160;", " ").replace("&amp;", "&");
        t = t.replace("\r\n", "\n");
        StringBuilder sb = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            sb.append(line.strip()).append('\n');
        }
        return BLANK_LINES.matcher(sb.toString()).replaceAll("\n\n").strip();
    }

    /** Plain text to a narrative div: escaped, one paragraph per line. */
    static String div(String text) {
        StringBuilder sb = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        for (String line : text.split("\n", -1)) {
            sb.append("<p>").append(escape(line)).append("</p>");
        }
        return sb.append("</div>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
