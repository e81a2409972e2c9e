package io.paraseq.sequencer.rest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of the REST API ({@value #API_DOCS_PATH}, Swagger UI at {@code
 * /swagger-ui.html}), built by springdoc from the resources' annotations and completed here from
 * the one table of problems ({@link ProblemType}): the {@code Problem} schema, and for each
 * endpoint its {@link ProblemResponses} as {@code application/problem+json} responses, one example
 * per type. springdoc scans only this package ({@code springdoc.packages-to-scan}); the JSON-RPC
 * endpoint is added as one {@code POST /} operation, not scanned (its handler takes every HTTP
 * method).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  /** Where the OpenAPI document is served (springdoc's default). */
  static final String API_DOCS_PATH = "/v3/api-docs";

  /** The name of the problem schema in {@code components/schemas}. */
  static final String PROBLEM_SCHEMA = "Problem";

  /** Problems every endpoint may answer, whatever it declares. */
  private static final List<ProblemType> ALWAYS =
      List.of(ProblemType.NOT_ACCEPTABLE, ProblemType.INTERNAL_ERROR);

  @Bean
  OpenAPI paraseqOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Paraseq REST API")
                .version("v1")
                .description(
                    "REST API of the Paraseq layer-2 sequencer for dApps: submit signed"
                        + " transactions, follow them, read accounts and blocks. Amounts in wei"
                        + " are decimal strings; hashes, addresses and data are 0x-prefixed hex;"
                        + " every error is an RFC 9457 problem (application/problem+json) with a"
                        + " stable `type` URI. The same node serves Ethereum JSON-RPC at POST /.")
                .license(new License().name("Apache-2.0")))
        .addTagsItem(
            new Tag().name("json-rpc").description("Ethereum JSON-RPC 2.0 on the same port."));
  }

  /** Adds each endpoint's problem responses from its {@link ProblemResponses}. */
  @Bean
  OperationCustomizer problemResponses() {
    return (operation, handlerMethod) -> {
      Set<ProblemType> types = new LinkedHashSet<>();
      ProblemResponses declared = handlerMethod.getMethodAnnotation(ProblemResponses.class);
      if (declared != null) {
        types.addAll(Arrays.asList(declared.value()));
      }
      types.addAll(ALWAYS);
      Map<Integer, List<ProblemType>> byStatus =
          types.stream()
              .collect(
                  Collectors.groupingBy(
                      t -> t.status().value(), TreeMap::new, Collectors.toList()));
      ApiResponses responses =
          operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
      String path = path(handlerMethod);
      byStatus.forEach(
          (status, ofStatus) ->
              responses.addApiResponse(Integer.toString(status), response(ofStatus, path)));
      return operation.responses(responses);
    };
  }

  /** The {@code Problem} schema and the JSON-RPC operation. */
  @Bean
  OpenApiCustomizer problemSchemaAndJsonRpc() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.components(new Components());
      }
      openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
      openApi.path("/", new PathItem().post(jsonRpcOperation()));
    };
  }

  private static ApiResponse response(List<ProblemType> types, String path) {
    MediaType media = new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA));
    for (ProblemType type : types) {
      media.addExamples(
          type.slug(), new Example().summary(type.title()).value(example(type, path)));
    }
    String description =
        types.stream().map(ProblemType::title).collect(Collectors.joining("; ")) + ".";
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, media));
  }

  /** A complete example body of {@code type}. */
  static Map<String, Object> example(ProblemType type, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri().toString());
    body.put("title", type.title());
    body.put("status", type.status().value());
    body.put("detail", type.example());
    body.put("instance", instance(path));
    type.rpcError().ifPresent(error -> body.put("code", error.code()));
    switch (type) {
      case INVALID_PARAMETER -> body.put("parameter", "address");
      case REQUEST_TOO_LARGE -> body.put("limit", 266240);
      case INTERNAL_ERROR -> body.put("ref", "5f1c2a9e04b7d3e8");
      default -> {}
    }
    return body;
  }

  /** The example request path of a mapping: its template with example values filled in. */
  private static String instance(String template) {
    return template
        .replace("{hash}", "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060")
        .replace("{address}", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        .replace("{block}", "42");
  }

  private static String path(HandlerMethod handlerMethod) {
    RequestMapping mapping =
        AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
    return mapping == null || mapping.path().length == 0 ? "/" : mapping.path()[0];
  }

  private static Schema<?> problemSchema() {
    List<String> types = new ArrayList<>();
    Arrays.stream(ProblemType.values()).forEach(t -> types.add(t.uri().toString()));
    types.add("about:blank");
    return new ObjectSchema()
        .description(
            "RFC 9457 problem details. `type` identifies the problem (stable; match on it), `title`"
                + " is its fixed summary, `detail` explains this occurrence. Extension members:"
                + " `code` (transaction refusals: the JSON-RPC error code eth_sendRawTransaction"
                + " answers, with geth's text in `detail`), `parameter` (invalid-parameter: which"
                + " one), `limit` (request-too-large: bytes), `ref` (internal-error: the log"
                + " reference).")
        .addProperty(
            "type",
            new StringSchema()
                ._enum(types)
                .format("uri")
                .description("The problem type; about:blank for statuses without their own type."))
        .addProperty("title", new StringSchema().description("The problem type's summary."))
        .addProperty("status", new IntegerSchema().description("The HTTP status."))
        .addProperty("detail", new StringSchema().description("What went wrong this time."))
        .addProperty(
            "instance",
            new StringSchema().format("uri-reference").description("The request's path."))
        .addProperty(
            "code",
            new IntegerSchema()
                .description("Transaction refusals: the JSON-RPC error code (-32000, -32005)."))
        .addProperty(
            "parameter", new StringSchema().description("invalid-parameter: the parameter's name."))
        .addProperty(
            "limit", new IntegerSchema().description("request-too-large: the body limit in bytes."))
        .addProperty("ref", new StringSchema().description("internal-error: the log reference."))
        .required(List.of("type", "title", "status"));
  }

  private static Operation jsonRpcOperation() {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("jsonrpc", "2.0");
    call.put("id", 1);
    call.put("method", "eth_chainId");
    call.put("params", List.of());
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("jsonrpc", "2.0");
    reply.put("id", 1);
    reply.put("result", "0xc7b");
    Schema<?> message =
        new ObjectSchema()
            .description("A JSON-RPC 2.0 request object, or an array of them (a batch).")
            .additionalProperties(true);
    return new Operation()
        .operationId("jsonRpc")
        .addTagsItem("json-rpc")
        .summary("Ethereum JSON-RPC 2.0")
        .description(
            "The Ethereum JSON-RPC API (eth_sendRawTransaction, eth_chainId, …; the module README"
                + " lists the methods). Errors here are JSON-RPC error objects with geth's codes"
                + " and texts, not problem details; HTTP 405, 413 and 415 carry them too.")
        .requestBody(
            new RequestBody()
                .required(true)
                .content(
                    new Content()
                        .addMediaType(
                            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                            new MediaType().schema(message).example(call))))
        .responses(
            new ApiResponses()
                .addApiResponse(
                    "200",
                    new ApiResponse()
                        .description(
                            "The reply (or replies of a batch); empty for notifications only.")
                        .content(
                            new Content()
                                .addMediaType(
                                    org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                    new MediaType()
                                        .schema(new ObjectSchema().additionalProperties(true))
                                        .example(reply)))));
  }
}
