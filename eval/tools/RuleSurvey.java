import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.languagetool.JLanguageTool;
import org.languagetool.language.GermanyGerman;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/**
 * Runs every LanguageTool German rule (default and off-by-default) over records of the corruption
 * generator's training split, so that the rules worth running in review can be chosen on training
 * data: reads JSON lines ({@code id}, {@code text}, ...) on stdin and writes each record back with
 * {@code matches}: {@code [rule id, from, to]}. Run: {@code java -cp "$(cat
 * target/runtime-classpath.txt)" eval/tools/RuleSurvey.java THREADS < in.jsonl > out.jsonl}.
 */
public class RuleSurvey {
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    ObjectMapper json = new ObjectMapper();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<ObjectNode> records = new ArrayList<>();
    for (String line; (line = in.readLine()) != null; ) {
      if (!line.isBlank()) {
        records.add((ObjectNode) json.readTree(line));
      }
    }
    ThreadLocal<JLanguageTool> tools =
        ThreadLocal.withInitial(
            () -> {
              JLanguageTool t = new JLanguageTool(new GermanyGerman());
              for (Rule r : t.getAllRules()) {
                if (r.isDefaultOff()) {
                  t.enableRule(r.getId());
                }
              }
              return t;
            });
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> out = new ArrayList<>();
    for (ObjectNode r : records) {
      out.add(
          pool.submit(
              () -> {
                ArrayNode ms = r.putArray("matches");
                for (RuleMatch m : tools.get().check(r.get("text").asText())) {
                  ms.addArray().add(m.getRule().getId()).add(m.getFromPos()).add(m.getToPos());
                }
                return json.writeValueAsString(r);
              }));
    }
    PrintStream o = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    int done = 0;
    for (Future<String> f : out) {
      o.println(f.get());
      if (++done % 200 == 0) {
        System.err.println(done + " / " + records.size());
      }
    }
    o.flush();
    pool.shutdown();
  }
}
