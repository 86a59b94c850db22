package dev.musket.engine.data.split;

import static dev.musket.engine.data.split.SplitFixtures.ints;
import static dev.musket.engine.data.split.SplitFixtures.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PythonRandom} against Python's own {@code random} module ({@code musket-splits.json},
 * written by {@code make_split_fixtures.py} with Python 3.11): for seeds 0, small, 2^31 - 1 .. 2^63
 * - 1, one beyond 64 bits and negative ones, the same {@code getrandbits}, {@code _randbelow} and
 * {@code shuffle} output, for some seeds every list length from 1 to 1,000.
 */
class PythonRandomFixtureTest {
  private static final Map<String, Object> FIXTURE = SplitFixtures.load("musket-splits.json");

  @SuppressWarnings("unchecked")
  static Stream<Arguments> seeds() {
    return ((List<Map<String, Object>>) FIXTURE.get("python_random"))
        .stream().map(c -> Arguments.of(c.get("seed"), c));
  }

  private static PythonRandom random(Object seed) {
    return new PythonRandom(new BigInteger((String) seed));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void getrandbitsIsPythons(String seed, Map<String, Object> c) {
    long[] expected = longs(c.get("getrandbits"));
    PythonRandom r = random(seed);
    for (int i = 0; i < expected.length; i++) {
      int k = i % 32 + 1;
      assertThat(r.getrandbits(k)).as("draw %d, getrandbits(%d)", i, k).isEqualTo(expected[i]);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randbelowIsPythons(String seed, Map<String, Object> c) {
    int[] bounds = {1, 2, 3, 5, 7, 100, 1000, Integer.MAX_VALUE};
    int[] expected = ints(c.get("randbelow"));
    for (int i = 0; i < bounds.length; i++) {
      assertThat(random(seed).randbelow(bounds[i]))
          .as("_randbelow(%d)", bounds[i])
          .isEqualTo(expected[i]);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @SuppressWarnings("unchecked")
  void shuffleIsPythons(String seed, Map<String, Object> c) {
    Map<String, Object> shuffles = (Map<String, Object>) c.get("shuffles");
    assertThat(shuffles).containsKeys("1", "2", "3", "100");
    shuffles.forEach(
        (n, expected) -> {
          int[] a = IntStream.range(0, Integer.parseInt(n)).toArray();
          random(seed).shuffle(a);
          assertThat(a).as("shuffle of %s items", n).isEqualTo(ints(expected));
        });
    long[] checksums = longs(c.get("checksums"));
    for (int n = 1; n <= checksums.length; n++) {
      int[] a = IntStream.range(0, n).toArray();
      random(seed).shuffle(a);
      long sum = 0;
      for (int i = 0; i < n; i++) {
        sum += (long) (i + 1) * a[i];
      }
      assertThat(sum).as("checksum of the shuffle of %d items", n).isEqualTo(checksums[n - 1]);
    }
  }

  @Test
  void theFixtureCoversLongListsAndSeedsBeyondALong() {
    long deep = seeds().filter(a -> !((List<?>) map(a).get("checksums")).isEmpty()).count();
    assertThat(deep).isGreaterThanOrEqualTo(4);
    assertThat(seeds().map(a -> (String) a.get()[0]))
        .contains("0", "123", "-123", "18446744073709563961");
  }

  @Test
  void aSeedAndItsNegationGiveTheSameSequenceAsInPython() {
    int[] a = IntStream.range(0, 50).toArray();
    int[] b = a.clone();
    new PythonRandom(77).shuffle(a);
    new PythonRandom(-77).shuffle(b);
    assertThat(a).isEqualTo(b);
    long[] min = {new PythonRandom(Long.MIN_VALUE).getrandbits(32)};
    long[] twoTo63 = {new PythonRandom(BigInteger.ONE.shiftLeft(63)).getrandbits(32)};
    assertThat(min).isEqualTo(twoTo63);
  }

  @Test
  void seedWordsAreLeastSignificantFirst() {
    assertThat(PythonRandom.words(BigInteger.ZERO)).containsExactly(0);
    assertThat(PythonRandom.words(BigInteger.valueOf(0xFFFFFFFFL))).containsExactly(-1);
    assertThat(PythonRandom.words(BigInteger.ONE.shiftLeft(32).add(BigInteger.TWO)))
        .containsExactly(2, 1);
  }

  @Test
  void outOfRangeArgumentsAreClearErrors() {
    assertThatThrownBy(() -> new PythonRandom(1).getrandbits(33)).hasMessageContaining("0..32");
    assertThatThrownBy(() -> new PythonRandom(1).randbelow(0)).hasMessageContaining("n >= 1");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Arguments a) {
    return (Map<String, Object>) a.get()[1];
  }
}
