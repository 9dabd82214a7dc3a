import Harness
import NumberFormats

/// The graders of the NumberFormats topic, bound to one edition's implementations.
public enum NumberFormatsGraders {
  /// Every exercise of the topic, graded against the given implementations, in lesson order.
  public static func exercises(
    integers: some IntegerDecoding & Sendable,
    decoder: some FloatDecoding & Sendable,
    encoder: some FloatEncoding & Sendable,
    e4m3: some E4M3Rules & Sendable
  ) -> [Exercise] {
    [
      Exercise(name: "IntegerDecoding", lesson: "NumberFormats", section: "Integers") {
        gradeIntegerDecoding(integers, $0)
      },
      Exercise(name: "FloatDecoding", lesson: "NumberFormats", section: "Decoding a float") {
        gradeFloatDecoding(decoder, $0)
      },
      Exercise(
        name: "FloatEncoding", lesson: "NumberFormats", section: "Rounding into a narrower format"
      ) {
        gradeFloatEncoding(encoder, $0)
      },
      Exercise(
        name: "E4M3Rules", lesson: "NumberFormats", section: "Eight bits: E4M3 and E5M2"
      ) {
        gradeE4M3Rules(e4m3, $0)
      },
    ]
  }
}
