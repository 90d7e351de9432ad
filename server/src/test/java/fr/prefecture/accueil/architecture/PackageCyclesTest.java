package fr.prefecture.accueil.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No package of the main code imports a package that imports it back, directly or through others. */
class PackageCyclesTest {
  private static final Pattern PACKAGE = Pattern.compile("^package (fr\\.prefecture\\.accueil[\\w.]*);",
      Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile(
      "^import (?:static )?(fr\\.prefecture\\.accueil[\\w.]*)\\.[A-Z]\\w*(?:\\.\\w+)*;",
      Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile("\\b(fr\\.prefecture\\.accueil(?:\\.[a-z]\\w*)*)\\.[A-Z]");

  @Test
  void no_package_imports_one_that_imports_it_back() throws IOException {
    Map<String, Set<String>> graph = graph();
    assertThat(graph).containsKeys("fr.prefecture.accueil.gate", "fr.prefecture.accueil.auth");
    assertThat(cycles(graph)).as("package cycles").isEmpty();
  }

  @Test
  void the_check_finds_a_cycle() {
    Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertThat(cycles(graph)).containsExactly(new TreeSet<>(List.of("a", "b", "c")));
  }

  private static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    Path root = Path.of("..").toAbsolutePath().normalize();
    for (String module : List.of("kiosk", "signage", "server")) {
      try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          Matcher pkg = PACKAGE.matcher(source);
          if (!pkg.find()) {
            continue;
          }
          Set<String> deps = graph.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
          for (Pattern p : List.of(IMPORT, QUALIFIED)) {
            Matcher m = p.matcher(source);
            while (m.find()) {
              if (!m.group(1).equals(pkg.group(1))) {
                deps.add(m.group(1));
              }
            }
          }
        }
      }
    }
    return graph;
  }

  /** Strongly connected components of more than one package (Tarjan). */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    List<String> stack = new ArrayList<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String node : new TreeSet<>(graph.keySet())) {
      if (!index.containsKey(node)) {
        visit(node, graph, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, List<String> stack, Set<String> onStack, List<Set<String>> out, int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]++);
    stack.add(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        visit(next, graph, index, low, stack, onStack, out, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.remove(stack.size() - 1);
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }
}
