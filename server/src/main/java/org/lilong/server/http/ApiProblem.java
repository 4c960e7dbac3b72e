package org.lilong.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client's mistake, answered as RFC 9457 problem+json. Thrown by handlers while they parse and
 * validate; {@link ProblemResponses} turns it into the response.
 *
 * @param parameter the query parameter or path segment at fault, or null
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String parameter;
    private final Map<String, JsonNode> extensions = new LinkedHashMap<>();

    public ApiProblem(int status, String type, String title, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.parameter = parameter;
    }

    public static ApiProblem invalidParameter(String parameter, String reason) {
        return new ApiProblem(400, "invalid-parameter", "Invalid parameter",
                "parameter '" + parameter + "': " + reason, parameter);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what, null);
    }

    public static ApiProblem notAcceptable(String detail) {
        return new ApiProblem(406, "not-acceptable", "Not acceptable", detail, "Accept");
    }

    /** Adds an extension member (RFC 9457 §3.2), e.g. the violations of a topology rule. */
    public ApiProblem with(String member, JsonNode value) {
        extensions.put(member, value);
        return this;
    }

    Map<String, JsonNode> extensions() {
        return extensions;
    }

    public int status() {
        return status;
    }

    public String type() {
        return "urn:lilong:problem:" + type;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }
}
