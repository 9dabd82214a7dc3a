import HarnessXCTest
import XCTest

/// Your `swift test`: grades each exercise of Exercises/NumberFormats in its own process (a crash or a
/// hang in one never hides another's result). The failing checks of your next exercise are
/// shown in full; the summary at the end says where every exercise stands.
final class NumberFormatsExercises: XCTestCase {
  func testIntegerDecoding() { CourseGrading.shared.assertPasses("IntegerDecoding") }
  func testFloatDecoding() { CourseGrading.shared.assertPasses("FloatDecoding") }
  func testFloatEncoding() { CourseGrading.shared.assertPasses("FloatEncoding") }
  func testE4M3Rules() { CourseGrading.shared.assertPasses("E4M3Rules") }
}
