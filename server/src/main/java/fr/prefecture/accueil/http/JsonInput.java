package fr.prefecture.accueil.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Strict reading of JSON request bodies: every wrong shape is a 400 naming the field. */
public final class JsonInput {
  private JsonInput() {}

  /** The body parsed as any JSON value (object or array); 400 when absent or malformed. */
  public static Object value(RoutingContext ctx) {
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ApiException.badRequest("missing_body", "A JSON body is required");
    }
    try {
      Object value = Json.decodeValue(body);
      if (value == null) {
        throw ApiException.badRequest("invalid_body", "The body must be a JSON object");
      }
      return value;
    } catch (DecodeException e) {
      throw ApiException.badRequest("malformed_json", "The body is not valid JSON");
    }
  }

  public static JsonObject object(RoutingContext ctx) {
    Object value = value(ctx);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw ApiException.badRequest("invalid_body", "The body must be a JSON object");
  }

  public static String string(JsonObject o, String field) {
    return optionalString(o, field)
        .orElseThrow(() -> ApiException.badRequest("missing_field", "Field '" + field + "' is required"));
  }

  public static Optional<String> optionalString(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a string");
    }
    String trimmed = s.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (trimmed.length() > 500) {
      throw ApiException.badRequest("invalid_field", "Field '" + field + "' is too long (500 characters at most)");
    }
    return Optional.of(trimmed);
  }

  public static Optional<Long> optionalLong(JsonObject o, String field, long min, long max) {
    Object v = o.getValue(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a whole number");
    }
    long value = n.longValue();
    if (value < min || value > max) {
      throw ApiException.badRequest("invalid_field",
          "Field '" + field + "' must be between " + min + " and " + max);
    }
    return Optional.of(value);
  }

  public static JsonObject object(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      throw ApiException.badRequest("missing_field", "Field '" + field + "' is required");
    }
    if (!(v instanceof JsonObject object)) {
      throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be an object");
    }
    return object;
  }

  public static Optional<JsonArray> optionalArray(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof JsonArray array)) {
      throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be an array");
    }
    return Optional.of(array);
  }

  public static long pathId(RoutingContext ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id <= 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid_id", "'" + raw + "' is not a valid id");
    }
  }
}
