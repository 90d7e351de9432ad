package fr.prefecture.accueil.signage.cap;

import fr.prefecture.accueil.signage.view.AlertSeverity;
import fr.prefecture.accueil.signage.view.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses Common Alerting Protocol 1.2 messages with the JDK's XML parser, hardened: no DOCTYPE at all (so no
 * entity, internal or external, and no external DTD), no XInclude, secure processing on, input capped at
 * {@link #MAX_BYTES}.
 *
 * <p>Languages: an {@code info} without {@code language} is {@code en-US} (CAP 1.2 §3.2.2); {@code fr} and
 * {@code fr-*} fill the French texts, {@code en} and {@code en-*} the English ones; the first block of each
 * language is used and blocks in other languages are ignored. An {@code Alert} or {@code Update} without any
 * French or English block is refused.
 *
 * <p>Areas: each {@code area} of the blocks used is mapped to a zone id through the caller's map, by its
 * {@code areaDesc} or by a {@code geocode} written {@code valueName=value} (e.g. {@code INSEE=75056}). A message with
 * no area, or with any area the map does not know, is for everywhere (empty zones): a safety message shown too
 * widely does less harm than one missing the place it was meant for.
 *
 * <p>{@code expires}: the latest of the blocks used; if one of them has none, the alert lasts until cancelled.
 * {@code effective}/{@code onset} are not used: an alert shows from receipt. {@code scope} is required but unused.
 */
public final class CapParser {

  /** Largest message accepted, in bytes. */
  public static final int MAX_BYTES = 256 * 1024;
  /** The CAP 1.2 XML namespace. */
  public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

  private final Map<String, String> areaZones;
  private final DocumentBuilderFactory factory;

  /** {@code areaZones}: areaDesc (or {@code valueName=value} geocode) → zone id of the site. */
  public CapParser(Map<String, String> areaZones) {
    this.areaZones = Map.copyOf(areaZones);
    this.factory = hardenedFactory();
  }

  public CapAlert parse(String xml) {
    return parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads at most {@link #MAX_BYTES} (+1 to detect more) from the stream, which the caller closes. */
  public CapAlert parse(InputStream in) {
    try {
      return parse(in.readNBytes(MAX_BYTES + 1));
    } catch (IOException e) {
      throw new CapException("cannot read the CAP message: " + e.getMessage(), e);
    }
  }

  public CapAlert parse(byte[] xml) {
    if (xml.length > MAX_BYTES) {
      throw new CapException("CAP message too large: more than " + MAX_BYTES / 1024 + " KiB");
    }
    Element alert = document(xml).getDocumentElement();
    if (!NAMESPACE.equals(alert.getNamespaceURI()) || !"alert".equals(alert.getLocalName())) {
      throw new CapException("not a CAP 1.2 message: expected root element <alert> in namespace " + NAMESPACE
          + ", found <" + alert.getLocalName() + "> in "
          + Optional.ofNullable(alert.getNamespaceURI()).orElse("no namespace"));
    }
    String identifier = required(alert, "identifier");
    String sender = required(alert, "sender");
    Instant sent = instant(required(alert, "sent"), "sent");
    CapStatus status = enumValue(CapStatus.class, required(alert, "status"), "status");
    CapMessageType msgType = enumValue(CapMessageType.class, required(alert, "msgType"), "msgType");
    required(alert, "scope");
    List<CapReference> references = references(optional(alert, "references"));
    if ((msgType == CapMessageType.UPDATE || msgType == CapMessageType.CANCEL) && references.isEmpty()) {
      throw new CapException("a CAP " + msgType.name().toLowerCase(Locale.ROOT) + " needs <references>");
    }

    Element fr = null;
    Element en = null;
    for (Element info : children(alert, "info")) {
      String language = optional(info, "language").orElse("en-US").toLowerCase(Locale.ROOT);
      if (fr == null && isLanguage(language, "fr")) {
        fr = info;
      } else if (en == null && isLanguage(language, "en")) {
        en = info;
      }
    }
    List<Element> used = new ArrayList<>();
    if (fr != null) {
      used.add(fr);
    }
    if (en != null) {
      used.add(en);
    }
    if (used.isEmpty()) {
      if (msgType == CapMessageType.ALERT || msgType == CapMessageType.UPDATE) {
        throw new CapException("CAP message " + identifier + " has no <info> in French or English");
      }
      return new CapAlert(identifier, sender, sent, status, msgType, references, null, null, null,
          AlertSeverity.UNKNOWN, CapUrgency.UNKNOWN, null, List.of());
    }
    for (Element info : used) {
      required(info, "event");
    }
    Element first = used.get(0);
    AlertSeverity severity = enumValue(AlertSeverity.class, required(first, "severity"), "severity");
    CapUrgency urgency = enumValue(CapUrgency.class, required(first, "urgency"), "urgency");
    Text headline = text(fr, en, "headline");
    if (headline == null) {
      headline = text(fr, en, "event");
    }
    return new CapAlert(identifier, sender, sent, status, msgType, references, headline,
        text(fr, en, "description"), text(fr, en, "instruction"), severity, urgency, expires(used), zones(used));
  }

  private Document document(byte[] xml) {
    try {
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are not allowed");
      });
      builder.setErrorHandler(THROWING);
      return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXParseException e) {
      throw new CapException("invalid CAP XML at line " + e.getLineNumber() + ": " + e.getMessage(), e);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new CapException("invalid CAP XML: " + e.getMessage(), e);
    }
  }

  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setValidating(false);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  private static final ErrorHandler THROWING = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {
      // warnings do not make a message invalid
    }

    @Override
    public void error(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  };

  private List<String> zones(List<Element> infos) {
    Set<String> zones = new LinkedHashSet<>();
    for (Element info : infos) {
      for (Element area : children(info, "area")) {
        String zone = zoneOf(area);
        if (zone == null) {
          return List.of();
        }
        zones.add(zone);
      }
    }
    return List.copyOf(zones);
  }

  private String zoneOf(Element area) {
    String zone = areaZones.get(required(area, "areaDesc"));
    for (Element geocode : children(area, "geocode")) {
      if (zone == null) {
        zone = areaZones.get(required(geocode, "valueName") + "=" + required(geocode, "value"));
      }
    }
    return zone;
  }

  private static Instant expires(List<Element> infos) {
    Instant latest = null;
    for (Element info : infos) {
      Optional<String> expires = optional(info, "expires");
      if (expires.isEmpty()) {
        return null;
      }
      Instant at = instant(expires.get(), "expires");
      latest = latest == null || at.isAfter(latest) ? at : latest;
    }
    return latest;
  }

  private static Text text(Element fr, Element en, String name) {
    String f = fr == null ? null : optional(fr, name).orElse(null);
    String e = en == null ? null : optional(en, name).orElse(null);
    return f == null && e == null ? null : new Text(f, e);
  }

  private static List<CapReference> references(Optional<String> references) {
    List<CapReference> list = new ArrayList<>();
    if (references.isEmpty()) {
      return list;
    }
    for (String triple : references.get().trim().split("\\s+")) {
      String[] parts = triple.split(",", -1);
      if (parts.length != 3 || parts[1].isBlank()) {
        throw new CapException("invalid <references> entry '" + triple + "': expected sender,identifier,sent");
      }
      list.add(new CapReference(parts[0], parts[1], instant(parts[2], "references")));
    }
    return list;
  }

  private static boolean isLanguage(String tag, String language) {
    return tag.equals(language) || tag.startsWith(language + "-");
  }

  private static Instant instant(String value, String element) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new CapException("invalid date-time in <" + element + ">: '" + value + "'", e);
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String element) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new CapException("invalid <" + element + ">: '" + value + "'");
  }

  private static String required(Element parent, String name) {
    return optional(parent, name).orElseThrow(
        () -> new CapException("missing required element <" + name + "> in <" + parent.getLocalName() + ">"));
  }

  private static Optional<String> optional(Element parent, String name) {
    List<Element> found = children(parent, name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String text = found.get(0).getTextContent().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> list = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
        list.add(e);
      }
    }
    return list;
  }
}
