package dev.musket.engine.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The augmenters that combine others: Sequential, OneOf, SomeOf, Sometimes (imgaug's meta
 * augmenters), each drawing its choices from the same stream as its children.
 */
final class TreeAugmenters {
  private TreeAugmenters() {}

  static Augmenter sequential(AugmenterArgs a) {
    return new Sequential(a.children("children"), a.bool("random_order"));
  }

  static Augmenter oneOf(AugmenterArgs a) {
    List<Augmenter> children = a.children("children");
    if (children.isEmpty()) {
      return (image, random) -> image;
    }
    return (image, random) -> children.get(random.nextInt(children.size())).apply(image, random);
  }

  static Augmenter someOf(AugmenterArgs a) {
    List<Augmenter> children = a.children("children");
    Param n =
        a.isGiven("n")
            ? a.intRange("n", 0, Integer.MAX_VALUE)
            : new Param.IntUniform(0, children.size());
    boolean randomOrder = a.bool("random_order");
    return (image, random) -> {
      int count = (int) Math.min(children.size(), n.sample(random));
      List<Integer> order = shuffledIndices(children.size(), random);
      List<Integer> chosen = new ArrayList<>(order.subList(0, count));
      if (!randomOrder) {
        chosen.sort(null);
      }
      HwcImage out = image;
      for (int i : chosen) {
        out = children.get(i).apply(out, random);
      }
      return out;
    };
  }

  static Augmenter sometimes(AugmenterArgs a) {
    double p = a.probability("p");
    Augmenter then = new Sequential(a.children("then_list"), false);
    Augmenter otherwise = new Sequential(a.children("else_list"), false);
    return (image, random) ->
        random.nextDouble() < p ? then.apply(image, random) : otherwise.apply(image, random);
  }

  static List<Integer> shuffledIndices(int n, SplittableRandom random) {
    List<Integer> idx = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      idx.add(i);
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = idx.get(i);
      idx.set(i, idx.get(j));
      idx.set(j, t);
    }
    return idx;
  }

  /**
   * Applies children in order (or in a random order per image). In order, runs of consecutive
   * lookup-table augmenters are held fused ({@link PixelTables#fuseRuns}): same draws, same bytes,
   * one pass over the image; {@code children()} lists the fused steps.
   */
  record Sequential(List<Augmenter> children, boolean randomOrder) implements Augmenter {
    Sequential {
      children = randomOrder ? List.copyOf(children) : PixelTables.fuseRuns(children);
    }

    @Override
    public HwcImage apply(HwcImage image, SplittableRandom random) {
      HwcImage out = image;
      if (randomOrder) {
        for (int i : shuffledIndices(children.size(), random)) {
          out = children.get(i).apply(out, random);
        }
      } else {
        for (Augmenter child : children) {
          out = child.apply(out, random);
        }
      }
      return out;
    }
  }
}
