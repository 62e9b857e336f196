package org.placementtracker.support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, for requests a well-behaved client library refuses to send: repeated or
 * malformed headers, raw bytes in the request target, no Content-Type. One request per connection.
 */
public final class RawHttp {

    /** What came back: status, headers (names lower-cased; the last of a repeated header) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    /**
     * One kept-alive connection for many requests in a row (much faster than a connection each);
     * opened again whenever the service closes it.
     */
    public static final class Connection implements AutoCloseable {

        private Socket socket;

        public Answer send(String method, String target, String body, String... headerLines) {
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null || socket.isClosed()) {
                        socket = new Socket("localhost", RestAssured.port);
                        socket.setSoTimeout(30_000);
                    }
                    socket.getOutputStream().write(request(method, target, body, false, headerLines));
                    socket.getOutputStream().flush();
                    Answer answer = readOne(socket.getInputStream(), "HEAD".equals(method));
                    if ("close".equalsIgnoreCase(answer.header("Connection"))) {
                        close();
                    }
                    return answer;
                } catch (IOException e) {
                    close();
                    if (attempt > 0) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing left to read from it
                }
                socket = null;
            }
        }
    }

    private static byte[] request(String method, String target, String body, boolean closing, String... headerLines) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: localhost:")
                .append(RestAssured.port)
                .append("\r\n");
        if (closing) {
            head.append("Connection: close\r\n");
        }
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        all.writeBytes(content);
        return all.toByteArray();
    }

    /** Reads exactly one response: its head, then Content-Length bytes or the chunks. */
    private static Answer readOne(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            headBytes.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
        }
        String[] lines = headBytes.toString(StandardCharsets.UTF_8).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (!head && status != 204 && status != 304) {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                while (true) {
                    String sizeLine = line(in);
                    int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                    if (size == 0) {
                        line(in);
                        break;
                    }
                    body.writeBytes(in.readNBytes(size));
                    line(in);
                }
            } else if (headers.containsKey("content-length")) {
                body.writeBytes(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                body.writeBytes(in.readAllBytes());
                headers.put("connection", "close");
            }
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Sends {@code method target} with the given header lines (each "Name: value", sent as is) and
     * body; adds Host, Connection: close and, for a body, Content-Length.
     */
    public static Answer send(String method, String target, String body, String... headerLines) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request(method, target, body, true, headerLines));
            out.flush();
            return readOne(socket.getInputStream(), "HEAD".equals(method));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
