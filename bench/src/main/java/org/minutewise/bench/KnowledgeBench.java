package org.minutewise.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minutewise.knowledge.Answer;
import org.minutewise.knowledge.Card;
import org.minutewise.knowledge.KnowledgeBase;
import org.minutewise.knowledge.ScoredCard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The knowledge base once warm (built in setup): lookup by id, search and ask. Run with
 * {@code java -jar bench/target/benchmarks.jar KnowledgeBench -bm sampletime -tu us} for percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KnowledgeBench {
    private static final String[] IDS = {"97112", "g0283", "GP", "59", "MW-U003", "cms-total-time", "I69.351", "97999"};
    private static final String[] SEARCHES = {"neuro re-ed", "ther ex", "nueromuscular", "9716", "PTA", "group",
        "eight-minute rule", "hot pack medicare"};
    private static final String[] QUESTIONS = {"can I bill 97112 for a group?", "does a PTA unit need CQ",
        "how many units for 38 minutes", "can I bill 97530 and 97140 same day", "whats the weather in paris"};

    private KnowledgeBase kb;
    private int i;

    @Setup
    public void setup() {
        kb = KnowledgeBase.standard();
    }

    @Benchmark
    public Object lookup() {
        String id = IDS[i++ & 7];
        return kb.lookup(id).map(Card::id).orElse("");
    }

    @Benchmark
    public List<ScoredCard> search() {
        return kb.search(SEARCHES[i++ & 7], 10);
    }

    @Benchmark
    public Answer ask() {
        int k = i++ % QUESTIONS.length;
        return kb.ask(QUESTIONS[k]);
    }
}
