package fr.prefecture.accueil.http;

import io.vertx.core.json.JsonObject;

/** A client error whose JSON answer carries details beyond error and message (e.g. CSV rows). */
public final class ApiErrorWithBody extends ApiException {
  private final JsonObject details;

  public ApiErrorWithBody(int status, String code, String message, JsonObject details) {
    super(status, code, message);
    this.details = details;
  }

  public JsonObject details() {
    return details;
  }
}
