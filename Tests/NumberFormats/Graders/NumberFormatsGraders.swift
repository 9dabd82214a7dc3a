import Harness
import NumberFormats

/// The graders of the NumberFormats topic, bound to one edition's implementations.
public enum NumberFormatsGraders {
  /// Every exercise of the topic, graded against the given implementations.
  public static func exercises(integers: some IntegerDecoding & Sendable) -> [Exercise] {
    [
      Exercise(name: "IntegerDecoding", lesson: "NumberFormats", section: "Integers") {
        gradeIntegerDecoding(integers, $0)
      }
    ]
  }
}
