package org.lilong.server.http;

import java.util.List;

/**
 * The server-rendered HTML of the API (collections, items, features): plain pages that are only a
 * client of the JSON. Every text that could come from data or the request passes through
 * {@link #escape}; methods taking "html" take markup built here.
 */
public final class HtmlPage {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlPage(String title) {
        this.title = title;
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public HtmlPage heading(String text) {
        body.append("<h1>").append(escape(text)).append("</h1>\n");
        return this;
    }

    public HtmlPage subheading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlPage link(String href, String text) {
        body.append("<p>").append(anchor(href, text)).append("</p>\n");
        return this;
    }

    public static String anchor(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** A table; header cells are escaped, body cells are markup from {@link #escape} or {@link #anchor}. */
    public HtmlPage table(List<String> headers, List<List<String>> rowsHtml) {
        body.append("<table>\n<thead><tr>");
        for (String header : headers) {
            body.append("<th>").append(escape(header)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rowsHtml) {
            body.append("<tr>");
            for (String cell : row) {
                body.append("<td>").append(cell).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    public HtmlPage navigation(List<Link> links) {
        body.append("<nav>");
        for (Link link : links) {
            body.append(anchor(link.href(), link.title() != null ? link.title() : link.rel())).append(' ');
        }
        body.append("</nav>\n");
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · 里弄 Lilong</title>\n"
                + "<style>body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:1.5rem;color:#222}"
                + "table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}"
                + "nav a{margin-right:1rem}header a{color:#8a2c1d;font-weight:600;text-decoration:none}</style>\n"
                + "</head>\n<body>\n<header><a href=\"/\">里弄 Lilong</a> · <a href=\"/collections?f=html\">图层 Collections</a>"
                + " · <a href=\"/api\">API</a></header>\n"
                + body + "</body>\n</html>\n";
    }
}
