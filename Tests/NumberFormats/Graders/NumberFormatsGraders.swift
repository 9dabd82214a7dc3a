import Harness
import NumberFormats

/// The graders of the NumberFormats topic, bound to one edition's implementations.
public enum NumberFormatsGraders: TopicGraders {
  /// Every exercise of the topic, graded against the given implementations, in lesson order.
  public static func exercises(_ edition: NumberFormatsEdition) -> [Exercise] {
    Exercise.lesson(
      "NumberFormats",
      [
        ("IntegerDecoding", "Integers", { gradeIntegerDecoding(edition.integers, $0) }),
        ("FloatDecoding", "Decoding a float", { gradeFloatDecoding(edition.decoder, $0) }),
        (
          "FloatEncoding", "Rounding into a narrower format",
          { gradeFloatEncoding(edition.encoder, $0) }
        ),
        ("E4M3Rules", "Eight bits: E4M3 and E5M2", { gradeE4M3Rules(edition.e4m3, $0) }),
      ])
  }
}

/// One implementation of each NumberFormats contract: an edition (Exercises/ or
/// Solutions/), the solutions with a mutant in one place, or the proxies in front of either.
public typealias NumberFormatsEdition = (
  integers: any IntegerDecoding & Sendable, decoder: any FloatDecoding & Sendable,
  encoder: any FloatEncoding & Sendable, e4m3: any E4M3Rules & Sendable
)
