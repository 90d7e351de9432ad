package fr.prefecture.accueil.site;

/** An invalid configuration: names the file, the key and what is wrong; stops the start. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String file, String key, String problem) {
    super(file + ": " + key + ": " + problem);
  }
}
